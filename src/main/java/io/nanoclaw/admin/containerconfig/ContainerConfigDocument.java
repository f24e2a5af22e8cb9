package io.nanoclaw.admin.containerconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parsed container.json object. Every key is kept, known or not, in file order; the known fields of NanoClaw's
 * typed view are read through accessors. Changes return a new document: the one read from disk never changes.
 */
public final class ContainerConfigDocument {

    public static final String MASK = "••••••";

    private final ObjectNode json;

    ContainerConfigDocument(ObjectNode json) {
        this.json = json;
    }

    public static ContainerConfigDocument empty() {
        return new ContainerConfigDocument(JsonNodeFactory.instance.objectNode());
    }

    /** A copy of the underlying object, safe to change. */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    ObjectNode json() {
        return json;
    }

    /** The raw value of a key, if present (any type). */
    public Optional<JsonNode> field(String key) {
        return Optional.ofNullable(json.get(key));
    }

    public Optional<JsonNode> field(KnownField field) {
        return field(field.key());
    }

    /** {@code provider} when it is a string (an empty string included); absent or of another type: empty. */
    public Optional<String> provider() {
        return string(KnownField.PROVIDER);
    }

    public Optional<String> groupName() {
        return string(KnownField.GROUP_NAME);
    }

    public Optional<String> assistantName() {
        return string(KnownField.ASSISTANT_NAME);
    }

    public Optional<String> agentGroupId() {
        return string(KnownField.AGENT_GROUP_ID);
    }

    /** The keys NanoClaw's host does not know, in file order: they are lost when the host rewrites the file. */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String key : json.propertyNames()) {
            if (!KnownField.isKnown(key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    public List<String> keys() {
        return List.copyOf(json.propertyNames());
    }

    /** A document for this object (a copy is taken); for edits that arrive as JSON. */
    public static ContainerConfigDocument of(ObjectNode json) {
        return new ContainerConfigDocument(json.deepCopy());
    }

    /** Sets one key: an existing key keeps its place, a new key goes last, as in JavaScript. */
    public ContainerConfigDocument with(String key, JsonNode value) {
        ObjectNode copy = json.deepCopy();
        copy.set(key, value);
        return new ContainerConfigDocument(copy);
    }

    public ContainerConfigDocument with(String key, String value) {
        return with(key, JsonNodeFactory.instance.stringNode(value));
    }

    public ContainerConfigDocument without(String key) {
        ObjectNode copy = json.deepCopy();
        copy.remove(key);
        return new ContainerConfigDocument(copy);
    }

    /** The document with every MCP server {@code env} value replaced by a mask, for readers who may not see secrets. */
    public ContainerConfigDocument withSecretsMasked() {
        ObjectNode copy = json.deepCopy();
        if (copy.get(KnownField.MCP_SERVERS.key()) instanceof ObjectNode servers) {
            for (JsonNode server : servers.values()) {
                if (server.get("env") instanceof ObjectNode env) {
                    for (String name : List.copyOf(env.propertyNames())) {
                        env.put(name, MASK);
                    }
                }
            }
        }
        return new ContainerConfigDocument(copy);
    }

    private Optional<String> string(KnownField field) {
        JsonNode value = json.get(field.key());
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContainerConfigDocument that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return ContainerConfigFormat.compact(json);
    }
}
