package io.nanoclaw.admin.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A person who logs in to the UI. Only the password hash is stored. */
@Table("operators")
public record Operator(@Id Long id, String username, String passwordHash, Role role, Instant createdAt) {

    Operator withPasswordHash(String hash) {
        return new Operator(id, username, hash, role, createdAt);
    }
}
