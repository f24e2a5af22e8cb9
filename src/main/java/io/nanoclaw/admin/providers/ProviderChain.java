package io.nanoclaw.admin.providers;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

/**
 * NanoClaw's two provider resolutions, exactly as its code does them (JavaScript truthiness: {@code ''} and null are
 * unset; lower-cased with no trimming, so {@code 'codex '} stays a name no registry knows).
 * <ul>
 * <li>host: first non-empty of session override, group column, container.json {@code provider}, {@code "claude"};</li>
 * <li>runner: container.json {@code provider} if non-empty, else {@code "claude"}.</li>
 * </ul>
 */
public final class ProviderChain {

    public static final String DEFAULT_PROVIDER = "claude";

    private ProviderChain() {
    }

    /** The provider the host prepares mounts and environment for. */
    public static String host(String sessionOverride, String groupProvider, String fileProvider) {
        return lower(firstSet(sessionOverride, groupProvider, fileProvider, DEFAULT_PROVIDER));
    }

    /** The provider the runner inside the container starts. */
    public static String runner(String fileProvider) {
        return lower(firstSet(fileProvider, DEFAULT_PROVIDER));
    }

    /**
     * container.json {@code provider} as both sides read it: a string as written; a JavaScript-falsy value ({@code null},
     * {@code false}, {@code 0}) or no key as unset (null); any other value in its JSON form (the runner would crash on
     * it, which the drift scan reports).
     */
    public static String fromFile(JsonNode value) {
        if (value == null || value.isNull() || value.isBoolean() && !value.booleanValue()
                || value.isNumber() && value.decimalValue().signum() == 0) {
            return null;
        }
        return value.isString() ? value.stringValue() : ContainerConfigFormat.compact(value);
    }

    public static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private static String firstSet(String... candidates) {
        for (String candidate : candidates) {
            if (isSet(candidate)) {
                return candidate;
            }
        }
        return DEFAULT_PROVIDER;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
