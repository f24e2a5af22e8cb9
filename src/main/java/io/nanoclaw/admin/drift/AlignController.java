package io.nanoclaw.admin.drift;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.nanoclaw.admin.listing.Listing;
import io.nanoclaw.admin.change.EditResult;

/** Bulk alignment from the dashboard: the plan for every group first, then one confirmation. */
@Controller
class AlignController {

    private final FixService fixes;

    AlignController(FixService fixes) {
        this.fixes = fixes;
    }

    @GetMapping("/drift/align")
    String preview(@RequestParam String source, Model model) {
        FixService.Source from = Listing.enumParameter(FixService.Source.class, "source", source);
        List<EditResult> plans = fixes.align(new FixService.AlignRequest(from, null, List.of(), true, null));
        model.addAttribute("source", from.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("plans", plans);
        return "drift/align";
    }

    @PostMapping("/drift/align")
    String apply(@RequestParam String source, @RequestParam(required = false) List<String> groupIds,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FixService.Source from = Listing.enumParameter(FixService.Source.class, "source", source);
        if (groupIds == null || groupIds.isEmpty()) {
            redirect.addFlashAttribute("notice", "Nothing to align.");
            return "redirect:/";
        }
        List<EditResult> results = fixes.align(new FixService.AlignRequest(from, groupIds, List.of(), false, reason));
        redirect.addFlashAttribute("notice", "Aligned " + results.stream().filter(EditResult::applied).count()
                + " group(s) from the " + (from == FixService.Source.DB ? "DB" : "file") + ".");
        redirect.addFlashAttribute("alignResults", results.stream().map(result -> new AlignResult(
                result.group().id(), result.group().folder(), result.applied(), result.group().status(),
                result.findings().size())).toList());
        return "redirect:/";
    }

    /** One group of a bulk alignment, as the dashboard lists it afterwards. */
    public record AlignResult(String groupId, String folder, boolean applied, GroupStatus status, int findings) {
    }
}
