package id.sinergi.cases.domain;

import id.sinergi.common.consent.DataCategory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps a set of data categories as one column, comma-separated in DataCategory's order; null for none. */
@Converter
public class DataCategoriesConverter implements AttributeConverter<Set<DataCategory>, String> {

    @Override
    public String convertToDatabaseColumn(Set<DataCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(categories).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<DataCategory> convertToEntityAttribute(String column) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        if (column != null && !column.isBlank()) {
            Arrays.stream(column.split(",")).map(DataCategory::valueOf).forEach(categories::add);
        }
        return categories;
    }
}
