package io.nanoclaw.admin.containerconfig;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A container.json content that a write replaced, kept in the admin store; {@code content} null = no file. */
@Table("config_versions")
public record ConfigVersion(
        @Id Long id,
        String folder,
        String version,
        byte[] content,
        Instant replacedAt,
        String replacedBy) {
}
