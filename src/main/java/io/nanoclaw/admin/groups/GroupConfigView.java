package io.nanoclaw.admin.groups;

import java.util.ArrayList;
import java.util.List;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.FileVersion;
import io.nanoclaw.admin.containerconfig.KnownField;

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

    private static final java.util.regex.Pattern MAYBE_SECRET = java.util.regex.Pattern.compile("\"env\"");
    private static final java.util.regex.Pattern STRING_VALUE =
            java.util.regex.Pattern.compile("(:\\s*)\"(?:[^\"\\\\\\n]|\\\\.)*\"?");

    static GroupConfigView of(ContainerConfigFile file, boolean revealSecrets) {
        ContainerConfigDocument document = file.document();
        String raw = file.rawText();
        boolean masked = false;
        if (document != null && !revealSecrets) {
            ContainerConfigDocument maskedDocument = document.withSecretsMasked();
            masked = !maskedDocument.equals(document);
            if (masked) {
                document = maskedDocument;
                raw = ContainerConfigFormat.render(maskedDocument);
            }
        }
        if (document == null && raw != null && !revealSecrets && MAYBE_SECRET.matcher(raw).find()) {
            // A file that does not parse cannot be masked by key: every string value after a colon is hidden.
            String hidden = STRING_VALUE.matcher(raw).replaceAll("$1\"" + ContainerConfigDocument.MASK + "\"");
            masked = !hidden.equals(raw);
            raw = hidden;
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
