package io.nanoclaw.admin.listing;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of a list page that keep its filters: sort by a column (toggling the direction), go to another page. Built
 * from the current request, so every filter parameter survives without each page spelling it out.
 */
public final class ListLinks {

    private final Pageable pageable;
    private final UriComponentsBuilder current;

    private ListLinks(Pageable pageable, UriComponentsBuilder current) {
        this.pageable = pageable;
        this.current = current;
    }

    public static ListLinks ofCurrentRequest(Pageable pageable) {
        return new ListLinks(pageable, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /** Sorts by the key; a second click on the same column reverses it. */
    public String sort(String key) {
        Sort.Order order = pageable.getSort().getOrderFor(key);
        String direction = order != null && order.isAscending() ? "desc" : "asc";
        return current.cloneBuilder().replaceQueryParam("sort", key + "," + direction).replaceQueryParam("page")
                .build().toUriString();
    }

    /** ▲ or ▼ on the column the list is sorted by, nothing elsewhere. */
    public String arrow(String key) {
        Sort.Order order = pageable.getSort().getOrderFor(key);
        return order == null ? "" : order.isAscending() ? " ▲" : " ▼";
    }

    public String page(int number) {
        return current.cloneBuilder().replaceQueryParam("page", number).build().toUriString();
    }
}
