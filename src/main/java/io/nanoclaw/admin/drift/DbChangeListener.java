package io.nanoclaw.admin.drift;

/**
 * Told by the install watcher, on its thread, when NanoClaw's DB moved (another connection committed), whether or not
 * any group's drift changed: the list models reload from it. Must return at once.
 */
public interface DbChangeListener {

    void dbChanged();
}
