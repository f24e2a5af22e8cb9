package io.nanoclaw.admin.dbconfig;

import java.util.List;
import java.util.Optional;

import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

/**
 * What NanoClaw's host would write to a group's container.json from its row: the document, or, when a JSON column
 * does not parse, nothing and the reasons (the host's spawn then fails and the file is left as it is).
 */
public final class Materialized {

    private final ContainerConfigDocument document;
    private final List<String> problems;

    private Materialized(ContainerConfigDocument document, List<String> problems) {
        this.document = document;
        this.problems = problems;
    }

    public static Materialized of(ContainerConfigDocument document) {
        return new Materialized(document, List.of());
    }

    /** A row that cannot be materialised; {@code problems} must not be empty. */
    public static Materialized failed(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a failed materialisation needs a reason");
        }
        return new Materialized(null, List.copyOf(problems));
    }

    /** True when the host would write a file. */
    public boolean ok() {
        return document != null;
    }

    /** The document the host would write; only when {@link #ok()}. */
    public ContainerConfigDocument document() {
        if (document == null) {
            throw new IllegalStateException("The row cannot be materialised: " + String.join("; ", problems));
        }
        return document;
    }

    public Optional<ContainerConfigDocument> documentIfOk() {
        return Optional.ofNullable(document);
    }

    /** The exact bytes the host would write ({@code JSON.stringify(document, null, 2) + "\n"}, UTF-8); only when ok. */
    public byte[] bytes() {
        return ContainerConfigFormat.renderBytes(document());
    }

    /** Why the host would write nothing, one sentence per column that does not parse; empty when ok. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return ok() ? "Materialized" + document : "Materialized.failed" + problems;
    }
}
