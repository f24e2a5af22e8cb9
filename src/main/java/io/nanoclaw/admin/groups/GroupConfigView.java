package io.nanoclaw.admin.groups;

import java.util.ArrayList;
import java.util.List;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.containerconfig.SecretMasking;

/**
 * A group's container.json as people and scripts see it. Secrets (MCP server {@code env} values) are masked unless
 * the reader may see them; the version is always that of the bytes on disk.
 *
 * @param document the object, for state OK; null otherwise
 * @param raw the file's text, masked like the document when secrets are hidden and the file parsed; null when absent
 * @param error why the file cannot be used, for every state but OK
 */
public record GroupConfigView(
        String folder,
        ConfigFileState state,
        FileVersion version,
        ContainerConfigDocument document,
        String raw,
        String error,
        List<String> unknownKeys,
        boolean secretsMasked) {

    static GroupConfigView of(ContainerConfigFile file, boolean revealSecrets) {
        ContainerConfigDocument document = file.document();
        String raw = file.rawText();
        boolean masked = false;
        if (!revealSecrets) {
            SecretMasking.Masked shown = SecretMasking.of(document, raw);
            masked = shown.masked();
            raw = shown.text();
            document = document == null ? null : document.withSecretsMasked();
        }
        List<String> unknown = document == null ? List.of() : document.unknownKeys();
        return new GroupConfigView(file.folder(), file.state(), file.version(), document, raw, file.errorMessage(),
                unknown, masked);
    }

    public String provider() {
        return document == null ? null : document.field(KnownField.PROVIDER).map(GroupConfigView::display).orElse(null);
    }

    public List<ConfigFieldRow> knownFields() {
        List<ConfigFieldRow> rows = new ArrayList<>();
        for (KnownField field : KnownField.values()) {
            String value = document == null ? null
                    : document.field(field).map(ContainerConfigFormat::compact).orElse(null);
            rows.add(new ConfigFieldRow(field.key(), field.type(), value, field.defaultValue(), field.meaning()));
        }
        return rows;
    }

    static String display(tools.jackson.databind.JsonNode value) {
        return value.isString() ? value.stringValue() : ContainerConfigFormat.compact(value);
    }
}
