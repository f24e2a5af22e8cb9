package io.nanoclaw.admin.change;

import java.util.List;

/** A container.json that must not be written as it is; {@code violations} says why, one line each. */
public class InvalidConfigException extends RuntimeException {

    private final List<String> violations;

    public InvalidConfigException(String message, List<String> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
