package io.nanoclaw.admin.groups;

/**
 * A known container.json field as the group page shows it.
 *
 * @param value the value in compact JSON; null when the key is absent
 */
public record ConfigFieldRow(String key, String type, String value, String defaultValue, String meaning) {

    public boolean present() {
        return value != null;
    }
}
