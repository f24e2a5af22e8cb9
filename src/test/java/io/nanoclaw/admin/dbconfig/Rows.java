package io.nanoclaw.admin.dbconfig;

/** Test rows of {@code container_configs}: the defaults NanoClaw inserts, with single columns changed. */
final class Rows {

    static final String GROUP_ID = "ag-1776160800000-main01";
    static final String UPDATED_AT = "2026-05-10T08:00:00.050Z";

    private String provider;
    private String model;
    private String effort;
    private String imageTag;
    private String assistantName;
    private Object maxMessagesPerPrompt;
    private String skills = "\"all\"";
    private String mcpServers = "{}";
    private String packagesApt = "[]";
    private String packagesNpm = "[]";
    private String additionalMounts = "[]";
    private String cliScope = "group";

    private Rows() {
    }

    static Rows defaults() {
        return new Rows();
    }

    Rows provider(String value) {
        provider = value;
        return this;
    }

    Rows model(String value) {
        model = value;
        return this;
    }

    Rows effort(String value) {
        effort = value;
        return this;
    }

    Rows imageTag(String value) {
        imageTag = value;
        return this;
    }

    Rows assistantName(String value) {
        assistantName = value;
        return this;
    }

    Rows maxMessagesPerPrompt(Object value) {
        maxMessagesPerPrompt = value;
        return this;
    }

    Rows skills(String json) {
        skills = json;
        return this;
    }

    Rows mcpServers(String json) {
        mcpServers = json;
        return this;
    }

    Rows packagesApt(String json) {
        packagesApt = json;
        return this;
    }

    Rows packagesNpm(String json) {
        packagesNpm = json;
        return this;
    }

    Rows additionalMounts(String json) {
        additionalMounts = json;
        return this;
    }

    /** Sets a JSON column by its SQL name. */
    Rows json(String column, String json) {
        return switch (column) {
            case "skills" -> skills(json);
            case "mcp_servers" -> mcpServers(json);
            case "packages_apt" -> packagesApt(json);
            case "packages_npm" -> packagesNpm(json);
            case "additional_mounts" -> additionalMounts(json);
            default -> throw new IllegalArgumentException("not a JSON column: " + column);
        };
    }

    ContainerConfigRow build() {
        return new ContainerConfigRow(GROUP_ID, provider, model, effort, imageTag, assistantName, maxMessagesPerPrompt,
                skills, mcpServers, packagesApt, packagesNpm, additionalMounts, UPDATED_AT, cliScope);
    }
}
