package io.nanoclaw.admin.upgrade;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.nanoclaw.admin.security.Roles;

/**
 * The upgrade preview page: what the next start of a DB-era NanoClaw host will do to each group. Read-only: the
 * preview is computed from the DB and the files at each request, and nothing is written.
 */
@Controller
class UpgradeController {

    private final UpgradePreviewService upgrade;

    UpgradeController(UpgradePreviewService upgrade) {
        this.upgrade = upgrade;
    }

    @GetMapping("/upgrade")
    String preview(Authentication caller, Model model) {
        UpgradeReport report = upgrade.preview();
        model.addAttribute("report", Roles.canSeeSecrets(caller) ? report : report.withSecretsMasked());
        return "upgrade/preview";
    }
}
