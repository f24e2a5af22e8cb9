package io.nanoclaw.admin.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ParseError;
import io.nanoclaw.admin.drift.DriftRules.GroupResult;
import io.nanoclaw.admin.drift.DriftRules.SessionOverride;
import io.nanoclaw.admin.providers.KnownProviders;

/** What the rule tests of both eras build their inputs from and read their outputs with. */
final class RuleTestSupport {

    static final String ID = "ag-1714000000000-k3x9qa";
    static final String NAME = "Research";
    static final String FOLDER = "research";
    static final KnownProviders KNOWN = KnownProviders.configured(List.of("claude", "codex", "opencode", "mock"));
    static final MountAllowlist NO_ALLOWLIST = MountAllowlist.load(Path.of("/nonexistent", "mount-allowlist.json"));

    private RuleTestSupport() {
    }

    /** A container.json as the store would read it from these bytes. */
    static ContainerConfigFile read(String folder, byte[] bytes) {
        ContainerConfigFormat.Parsed parsed = ContainerConfigFormat.parse(bytes);
        return parsed.state() == ConfigFileState.OK ? ContainerConfigFile.ok(folder, bytes, parsed.document())
                : ContainerConfigFile.broken(folder, parsed.state(), bytes, parsed.error());
    }

    static ContainerConfigFile state(ConfigFileState state) {
        return ContainerConfigFile.absent(FOLDER, state, ParseError.of("as the store reports it"));
    }

    static SessionOverride session(String id, String provider, String status) {
        return new SessionOverride(id, ID, provider, status);
    }

    static SessionOverride active(String provider) {
        return session("sess-1714000000001-act001", provider, "active");
    }

    static SessionOverride closed(String provider) {
        return session("sess-1714000000002-cls001", provider, "closed");
    }

    static List<FindingKind> kinds(GroupResult result) {
        return result.findings().stream().map(Finding::kind).toList();
    }

    static GroupStatus status(GroupResult result) {
        return result.drift().status();
    }

    /** The one finding of this kind (fails when there is none or several). */
    static Finding only(GroupResult result, FindingKind kind) {
        List<Finding> matching = result.findings().stream().filter(f -> f.kind() == kind).toList();
        assertThat(matching).as("findings of kind %s in %s", kind, result.findings()).hasSize(1);
        return matching.get(0);
    }
}
