package io.nanoclaw.admin.groups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.containerconfig.ContainerConfigStore;
import io.nanoclaw.admin.install.GroupFolder;
import io.nanoclaw.admin.install.GroupsDirectory;

/**
 * The container.json of each group on a list page, read once and then again only when its size, time or file key
 * changed (a stat instead of a read and a parse for every row of every page). A file that cannot be stated is read.
 */
@Component
class ListedFiles {

    private static final int MAX_ENTRIES = 50_000;

    private record Entry(String stamp, ContainerConfigFile file) {
    }

    private final ContainerConfigStore configs;
    private final GroupsDirectory groups;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ListedFiles(ContainerConfigStore configs, GroupsDirectory groups) {
        this.configs = configs;
        this.groups = groups;
    }

    ContainerConfigFile read(String folder) {
        String stamp = stamp(folder);
        if (stamp == null) {
            return configs.read(folder);
        }
        Entry entry = entries.get(folder);
        if (entry != null && entry.stamp().equals(stamp)) {
            return entry.file();
        }
        ContainerConfigFile file = configs.read(folder);
        if (stamp.equals(stamp(folder))) { // unchanged while it was read: the entry is what the stamp says
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(folder, new Entry(stamp, file));
        }
        return file;
    }

    private String stamp(String folder) {
        if (!GroupFolder.isValid(folder)) {
            return null;
        }
        Path path = groups.root().resolve(folder).resolve("container.json");
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? attributes.size() + "@" + attributes.lastModifiedTime().to(
                    java.util.concurrent.TimeUnit.NANOSECONDS) + "#" + attributes.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
