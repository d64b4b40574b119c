package id.sinergi.consent.domain;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of enum constants as a sorted, comma-separated column. */
abstract class EnumSetConverter<E extends Enum<E>> implements jakarta.persistence.AttributeConverter<Set<E>, String> {

    private final Class<E> type;

    EnumSetConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(Set<E> values) {
        return values == null ? "" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<E> convertToEntityAttribute(String column) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(","))
                    .map(name -> Enum.valueOf(type, name))
                    .forEach(set::add);
        }
        return set;
    }

    /** Converter for purposes. */
    @jakarta.persistence.Converter
    public static class Purposes extends EnumSetConverter<Purpose> {
        public Purposes() {
            super(Purpose.class);
        }
    }

    /** Converter for data categories. */
    @jakarta.persistence.Converter
    public static class Categories extends EnumSetConverter<DataCategory> {
        public Categories() {
            super(DataCategory.class);
        }
    }
}
