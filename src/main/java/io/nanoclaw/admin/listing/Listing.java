package io.nanoclaw.admin.listing;

import java.util.Locale;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.nanoclaw.admin.web.InvalidInputException;

/**
 * Turns the {@code page}, {@code size} and {@code sort} parameters of a list into a {@link Pageable}, refusing
 * what the list cannot do (a sort key it does not know, a page size over {@link #MAX_SIZE}).
 */
public final class Listing {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    private Listing() {
    }

    /**
     * @param sort {@code key} or {@code key,asc|desc}; null or blank for the default
     * @param sortable the keys this list sorts by
     */
    public static Pageable pageable(Integer page, Integer size, String sort, Set<String> sortable, Sort defaultSort) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            throw InvalidInputException.parameter("page", "page must be 0 or more, not " + pageNumber);
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw InvalidInputException.parameter("size", "size must be between 1 and " + MAX_SIZE + ", not " + pageSize);
        }
        return PageRequest.of(pageNumber, pageSize, sort(sort, sortable, defaultSort));
    }

    static Sort sort(String sort, Set<String> sortable, Sort defaultSort) {
        if (sort == null || sort.isBlank()) {
            return defaultSort;
        }
        String[] parts = sort.split(",", -1);
        String key = parts[0].strip();
        if (!sortable.contains(key) || parts.length > 2) {
            throw InvalidInputException.parameter("sort",
                    "cannot sort by '" + sort + "'; sort by one of " + String.join(", ", sortable.stream().sorted().toList())
                            + ", optionally followed by ',asc' or ',desc'");
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        return switch (direction) {
            case "asc" -> Sort.by(Sort.Direction.ASC, key);
            case "desc" -> Sort.by(Sort.Direction.DESC, key);
            default -> throw InvalidInputException.parameter("sort",
                    "sort direction in '" + sort + "' must be 'asc' or 'desc'");
        };
    }

    /** An enum-valued parameter, case-insensitive; null or blank is null; anything else names the values that work. */
    public static <E extends Enum<E>> E enumParameter(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.parameter(parameter, "'" + value + "' is not a valid " + parameter
                    + "; use one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The sort of a pageable as a request parameter ({@code key,dir}), for links that keep it. */
    public static String sortParameter(Pageable pageable) {
        return pageable.getSort().stream()
                .findFirst()
                .map(order -> order.getProperty() + "," + order.getDirection().name().toLowerCase(Locale.ROOT))
                .orElse("");
    }
}
