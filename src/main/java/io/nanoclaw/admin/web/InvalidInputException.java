package io.nanoclaw.admin.web;

/**
 * A request input that breaks a rule, before anything was changed: a query parameter (page, size, sort, a filter)
 * or a member of the body (a provider, a name, a password). The API answers it with the problem type of its place:
 * {@code invalid-parameter} naming the {@code parameter}, or {@code invalid-request} naming the {@code field}.
 */
public class InvalidInputException extends RuntimeException {

    /** Where the bad input was. */
    public enum Place {
        PARAMETER, FIELD
    }

    private final Place place;
    private final String name;

    private InvalidInputException(Place place, String name, String message) {
        super(message);
        this.place = place;
        this.name = name;
    }

    /** A query parameter the request cannot be honoured with. */
    public static InvalidInputException parameter(String name, String message) {
        return new InvalidInputException(Place.PARAMETER, name, message);
    }

    /** A member of the request body (or form field) that breaks a rule. */
    public static InvalidInputException field(String name, String message) {
        return new InvalidInputException(Place.FIELD, name, message);
    }

    public Place place() {
        return place;
    }

    /** The parameter's or the field's name, as the request spells it. */
    public String name() {
        return name;
    }
}
