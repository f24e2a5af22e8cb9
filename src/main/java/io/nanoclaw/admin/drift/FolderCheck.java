package io.nanoclaw.admin.drift;

import java.util.List;
import java.util.Optional;

import io.nanoclaw.admin.containerconfig.ConfigFileState;
import io.nanoclaw.admin.containerconfig.ContainerConfigFile;
import io.nanoclaw.admin.install.GroupFolder;

/** What is wrong with a group's folder, the same in both eras but for what the next spawn loses. */
record FolderCheck(FindingKind kind, String message, List<Fix> fixes) {

    static Optional<FolderCheck> of(String folder, ContainerConfigFile file, String whatTheSpawnLoses) {
        String problem = GroupFolder.problemWith(folder);
        if (problem != null) {
            return Optional.of(new FolderCheck(FindingKind.GROUP_FOLDER_INVALID,
                    "The folder name '" + folder + "' breaks NanoClaw's rules (" + problem + "); the host uses it as it is"
                            + (GroupFolder.RESERVED_GLOBAL.equalsIgnoreCase(folder)
                                    ? ", and wipes the global folder at every start." : "."),
                    List.of()));
        }
        if (file.state() == ConfigFileState.FOLDER_INVALID) {
            return Optional.of(new FolderCheck(FindingKind.GROUP_FOLDER_INVALID,
                    "The folder groups/" + folder + " cannot be used: " + file.errorMessage(), List.of()));
        }
        if (file.state() == ConfigFileState.FOLDER_MISSING) {
            return Optional.of(new FolderCheck(FindingKind.GROUP_FOLDER_MISSING,
                    "groups/" + folder + " does not exist: the next spawn starts on an empty folder, " + whatTheSpawnLoses
                            + ".",
                    List.of(Fix.RECREATE_GROUP_FOLDER)));
        }
        return Optional.empty();
    }
}
