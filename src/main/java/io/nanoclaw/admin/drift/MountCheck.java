package io.nanoclaw.admin.drift;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.nanoclaw.admin.containerconfig.ContainerConfigFormat;

/** The {@code additionalMounts} entries the install's allowlist rejects, in either era's source. */
record MountCheck(String mount, String hostPath, String rejection) {

    static List<MountCheck> rejected(JsonNode list, MountAllowlist allowlist) {
        List<MountCheck> rejected = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return rejected;
        }
        for (JsonNode mount : list.values()) {
            if (!mount.isObject() || !mount.path("hostPath").isString()) {
                continue; // reported as a wrong type by the era's own rules
            }
            String hostPath = mount.get("hostPath").stringValue();
            String containerPath = mount.path("containerPath").isString() ? mount.get("containerPath").stringValue() : null;
            String rejection = allowlist.rejection(hostPath, containerPath);
            if (rejection != null) {
                rejected.add(new MountCheck(ContainerConfigFormat.compact(mount), hostPath, rejection));
            }
        }
        return rejected;
    }
}
