package io.nanoclaw.admin.drift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * NanoClaw's mount allowlist ({@code ~/.config/nanoclaw/mount-allowlist.json}) and its rules for
 * {@code additionalMounts}. A missing or invalid file blocks every additional mount, as in NanoClaw.
 */
public final class MountAllowlist {

    /** The patterns NanoClaw always adds to the file's own ({@code DEFAULT_BLOCKED_PATTERNS} of its mount security). */
    static final List<String> BUILT_IN_BLOCKED = io.nanoclaw.admin.containerconfig.ContainerConfigValidator.ALWAYS_BLOCKED;

    public enum State { LOADED, MISSING, INVALID }

    record Root(Path path, boolean allowReadWrite) {
    }

    private final Path file;
    private final State state;
    private final String problem;
    private final List<Root> roots;
    private final Set<String> blocked;

    private MountAllowlist(Path file, State state, String problem, List<Root> roots, Set<String> blocked) {
        this.file = file;
        this.state = state;
        this.problem = problem;
        this.roots = roots;
        this.blocked = blocked;
    }

    public static MountAllowlist load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return new MountAllowlist(file, State.MISSING, "no allowlist file, so NanoClaw blocks every additional mount",
                    List.of(), Set.copyOf(BUILT_IN_BLOCKED));
        }
        try {
            JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));
            List<Root> roots = new ArrayList<>();
            for (JsonNode root : json.path("allowedRoots")) {
                if (root.path("path").isString()) {
                    roots.add(new Root(expandHome(root.path("path").stringValue()),
                            root.path("allowReadWrite").asBoolean(false)));
                }
            }
            Set<String> blocked = new LinkedHashSet<>(BUILT_IN_BLOCKED);
            for (JsonNode pattern : json.path("blockedPatterns")) {
                if (pattern.isString() && !pattern.stringValue().isEmpty()) {
                    blocked.add(pattern.stringValue());
                }
            }
            if (!json.isObject() || !json.path("allowedRoots").isArray() || !json.path("blockedPatterns").isArray()) {
                return invalid(file, "the file needs an allowedRoots and a blockedPatterns array");
            }
            return new MountAllowlist(file, State.LOADED, null, List.copyOf(roots), Set.copyOf(blocked));
        } catch (IOException | JacksonException | InvalidPathException e) {
            return invalid(file, "the file cannot be read as JSON: " + e.getMessage());
        }
    }

    private static MountAllowlist invalid(Path file, String why) {
        return new MountAllowlist(file, State.INVALID, why + ", so NanoClaw blocks every additional mount", List.of(),
                Set.copyOf(BUILT_IN_BLOCKED));
    }

    public Path file() {
        return file;
    }

    public State state() {
        return state;
    }

    public String describe() {
        return state == State.LOADED ? roots.size() + " allowed root(s), " + blocked.size() + " blocked pattern(s)" : problem;
    }

    /** Why NanoClaw would reject this mount, or null when it allows it. */
    public String rejection(String hostPath, String containerPath) {
        if (state != State.LOADED) {
            return problem;
        }
        // NanoClaw: `containerPath || basename(hostPath)`, then refuses a blank result.
        String target = containerPath != null && !containerPath.isEmpty() ? containerPath : baseName(hostPath);
        if (target.isBlank() || target.startsWith("/") || target.contains("..") || target.contains(":")) {
            return "container path '" + target + "' must be relative, non-empty, without '..' or ':'";
        }
        Path real;
        try {
            real = expandHome(hostPath).toRealPath();
        } catch (IOException | InvalidPathException e) {
            return "host path " + hostPath + " does not exist";
        }
        for (Path part : real) {
            for (String pattern : blocked) {
                if (part.toString().contains(pattern)) {
                    return "host path " + hostPath + " contains the blocked pattern '" + pattern + "'";
                }
            }
        }
        for (Root root : roots) {
            try {
                if (real.startsWith(root.path().toRealPath())) {
                    return null;
                }
            } catch (IOException e) {
                // an allowed root that does not exist allows nothing
            }
        }
        return "host path " + hostPath + " is under no allowed root";
    }

    private static String baseName(String path) {
        Path name = Paths.get(path).getFileName();
        return name == null ? "" : name.toString();
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Paths.get(System.getProperty("user.home") + path.substring(1));
        }
        return Paths.get(path);
    }
}
