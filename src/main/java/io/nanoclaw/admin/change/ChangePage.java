package io.nanoclaw.admin.change;

/** Marks a controller of editing pages, so that {@link EditPageDefaults} gives its model what those pages expect. */
public interface ChangePage {
}
