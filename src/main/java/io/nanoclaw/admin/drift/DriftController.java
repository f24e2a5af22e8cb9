package io.nanoclaw.admin.drift;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard: groups by status, findings by severity, the worst findings, and what the scan judged against. */
@Controller
class DriftController {

    static final int WORST_SHOWN = 15;

    private final DriftService drift;

    DriftController(DriftService drift) {
        this.drift = drift;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        DriftReport report = drift.latest();
        model.addAttribute("report", report);
        model.addAttribute("fullScanAt", drift.fullScanAt());
        model.addAttribute("worst", report.findings().stream().limit(WORST_SHOWN).toList());
        model.addAttribute("kinds", FindingKind.ofEra(report.era()));
        return "drift/dashboard";
    }

    @PostMapping("/drift/scan")
    String scan(RedirectAttributes redirect) {
        DriftReport report = drift.scan();
        redirect.addFlashAttribute("notice", "Scanned " + report.summary().groups() + " groups: "
                + report.findings().size() + " findings.");
        return "redirect:/";
    }
}
