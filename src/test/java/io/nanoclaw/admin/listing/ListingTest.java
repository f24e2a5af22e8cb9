package io.nanoclaw.admin.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.nanoclaw.admin.web.InvalidInputException;

class ListingTest {

    static final Set<String> SORTABLE = Set.of("name", "sessions");
    static final Sort DEFAULT = Sort.by("name");

    @Test
    void defaultsToTheFirstPageOfFiftyInTheDefaultOrder() {
        Pageable pageable = Listing.pageable(null, null, null, SORTABLE, DEFAULT);

        assertThat(pageable.getPageNumber()).isZero();
        assertThat(pageable.getPageSize()).isEqualTo(Listing.DEFAULT_SIZE);
        assertThat(pageable.getSort()).isEqualTo(DEFAULT);
    }

    @ParameterizedTest
    @CsvSource({"sessions, sessions, ASC", "'sessions,desc', sessions, DESC", "'name,ASC', name, ASC", "' name , desc ', name, DESC"})
    void parsesAKeyAndAnOptionalDirection(String sort, String key, Sort.Direction direction) {
        Sort parsed = Listing.pageable(2, 10, sort, SORTABLE, DEFAULT).getSort();

        assertThat(parsed.getOrderFor(key)).isNotNull();
        assertThat(parsed.getOrderFor(key).getDirection()).isEqualTo(direction);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"password|sort", "name,sideways|sort", "name,asc,again|sort"})
    void refusesSortsTheListCannotDo(String sort, String parameter) {
        assertThatThrownBy(() -> Listing.pageable(0, 10, sort, SORTABLE, DEFAULT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.name()).isEqualTo(parameter);
                    assertThat(e.getMessage()).contains(sort);
                });
    }

    @Test
    void anUnknownKeyIsAnsweredWithTheKeysThatWork() {
        assertThatThrownBy(() -> Listing.pageable(0, 10, "password", SORTABLE, DEFAULT))
                .hasMessageContaining("name, sessions");
    }

    @ParameterizedTest
    @CsvSource({"-1, 10, page", "0, 0, size", "0, 201, size"})
    void refusesPagesAndSizesOutOfRange(int page, int size, String parameter) {
        assertThatThrownBy(() -> Listing.pageable(page, size, null, SORTABLE, DEFAULT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.name()).isEqualTo(parameter));
    }
}
