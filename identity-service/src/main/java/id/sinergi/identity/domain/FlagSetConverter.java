package id.sinergi.identity.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a worker's flags as a sorted, comma-separated column; no flag is the empty string. */
@Converter
public class FlagSetConverter implements AttributeConverter<Set<WorkerFlag>, String> {

    @Override
    public String convertToDatabaseColumn(Set<WorkerFlag> flags) {
        return flags == null ? "" : flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<WorkerFlag> convertToEntityAttribute(String column) {
        EnumSet<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(WorkerFlag::valueOf).forEach(flags::add);
        }
        return flags;
    }
}
