package io.nanoclaw.admin.security;

import java.time.Instant;

/** An account as lists show it: never its password hash. */
public record OperatorSummary(String username, Role role, Instant createdAt) {

    static OperatorSummary of(Operator operator) {
        return new OperatorSummary(operator.username(), operator.role(), operator.createdAt());
    }
}
