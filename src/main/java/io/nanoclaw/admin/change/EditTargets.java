package io.nanoclaw.admin.change;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigDocument;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.containerconfig.KnownField;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.groups.AgentGroupRepository;
import io.nanoclaw.admin.groups.GroupNotFoundException;
import io.nanoclaw.admin.install.InstallLayout;
import io.nanoclaw.admin.install.InstallMode;
import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProvidersProperties;
import io.nanoclaw.admin.sessions.Session;
import io.nanoclaw.admin.sessions.SessionRepository;
import io.nanoclaw.admin.web.InvalidInputException;

/** What edits read before they plan: the rows, the file, and the file changes they make to it. */
@Component
public class EditTargets {

    private final AgentGroupRepository groups;
    private final SessionRepository sessions;
    private final ContainerConfigStore configs;
    private final InstallLayout install;
    private final ProvidersProperties providers;

    public EditTargets(AgentGroupRepository groups, SessionRepository sessions, ContainerConfigStore configs,
            InstallLayout install, ProvidersProperties providers) {
        this.groups = groups;
        this.sessions = sessions;
        this.configs = configs;
        this.install = install;
        this.providers = providers;
    }

    public AgentGroup group(String id) {
        return groups.findById(id).orElseThrow(() -> new GroupNotFoundException(id));
    }

    public Session session(String id) {
        return sessions.findById(id).orElseThrow(() -> new io.nanoclaw.admin.sessions.SessionNotFoundException(id));
    }

    public ContainerConfigFile file(AgentGroup group) {
        return configs.read(group.folder());
    }

    /**
     * A provider name an operator asks for: lower-cased, registered by the runner, without spaces or control
     * characters (refused, not trimmed: the file era writes the document as given); null or blank = unset.
     */
    public String provider(String field, String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        if (requested.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c))) {
            throw InvalidInputException.field(field, "'" + printable(requested) + "' holds spaces or control"
                    + " characters; NanoClaw looks a provider up by its exact name, so it would not find this one");
        }
        String name = requested.toLowerCase(Locale.ROOT);
        KnownProviders known = KnownProviders.of(install.mode() == InstallMode.ATTACHED ? install.root() : null,
                providers.known());
        if (!known.runnerKnows(name)) {
            throw InvalidInputException.field(field, "'" + requested + "' is not a provider this install registers ("
                    + String.join(", ", known.runner()) + ")");
        }
        return name;
    }

    /** The text with control characters shown as escapes, for a message. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }

    /** The document to edit: the file's, or NanoClaw's empty config with identity for a missing file. */
    public ContainerConfigDocument editable(AgentGroup group, ContainerConfigFile file) {
        if (file.state() == ConfigFileState.OK) {
            return file.document();
        }
        if (file.state() == ConfigFileState.MISSING) {
            return NanoclawDefaults.newConfig(group);
        }
        throw new EditRefusedException("groups/" + group.folder() + "/container.json is " + file.state()
                + " and cannot be edited without losing what it holds: restore a version or fix the raw file first.");
    }

    /** The file change that sets (or, for null, removes) {@code provider}, keeping every other key and its order. */
    public FileChange withProvider(AgentGroup group, ContainerConfigFile file, String provider) {
        ContainerConfigDocument document = editable(group, file);
        ContainerConfigDocument changed = provider == null ? document.without(KnownField.PROVIDER.key())
                : document.with(KnownField.PROVIDER.key(), provider);
        return change(group, file, changed);
    }

    public FileChange change(AgentGroup group, ContainerConfigFile file, ContainerConfigDocument changed) {
        return FileChange.of(group.folder(), file.version(), file.rawText(), ContainerConfigFormat.render(changed));
    }
}
