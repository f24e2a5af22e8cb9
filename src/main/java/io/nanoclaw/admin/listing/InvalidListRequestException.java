package io.nanoclaw.admin.listing;

/** A list parameter (page, size, sort, a filter) that the list cannot honour. */
public class InvalidListRequestException extends RuntimeException {

    private final String parameter;

    public InvalidListRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
