package io.nanoclaw.admin.containerconfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import io.nanoclaw.admin.install.StoreSeal;

/**
 * A container.json content that a write replaced, kept in the admin store sealed ({@link StoreSeal}: it may hold MCP
 * server secrets); {@code sealedContent} null = there was no file.
 */
@Table("config_versions")
public record ConfigVersion(
        @Id Long id,
        String folder,
        String version,
        @Column("content") byte[] sealedContent,
        Instant replacedAt,
        String replacedBy) {

    public boolean hadFile() {
        return sealedContent != null;
    }

    /** The kept text, or null when there was no file. */
    public String text(StoreSeal seal) {
        return sealedContent == null ? null : new String(seal.open(sealedContent), StandardCharsets.UTF_8);
    }

    /** The kept file's size in bytes (0 when there was no file). */
    public int size() {
        return sealedContent == null ? 0 : StoreSeal.plainLength(sealedContent);
    }
}
