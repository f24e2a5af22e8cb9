package io.nanoclaw.admin.change;

import io.nanoclaw.admin.containerconfig.FileVersion;

/**
 * An edit of container.json based on a version that is no longer on disk. Carries what the editor needs to merge:
 * the current version and text, the other writer's change (from the version read to now, when our history has the
 * version read) and the difference between the current file and the edit.
 */
public class StaleEditException extends RuntimeException {

    private final FileVersion current;
    private final String currentText;
    private final String otherChange;
    private final String yourChange;

    public StaleEditException(FileVersion current, String currentText, String otherChange, String yourChange) {
        super("container.json changed since you read it (it is now version " + current.value() + "); nothing was"
                + " written. Look at the other change, merge, and send the edit again with the new ETag.");
        this.current = current;
        this.currentText = currentText;
        this.otherChange = otherChange;
        this.yourChange = yourChange;
    }

    public FileVersion current() {
        return current;
    }

    public String currentText() {
        return currentText;
    }

    public String otherChange() {
        return otherChange;
    }

    public String yourChange() {
        return yourChange;
    }
}
