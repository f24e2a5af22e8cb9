package io.nanoclaw.admin.groups;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.nanoclaw.admin.providers.KnownProviders;
import io.nanoclaw.admin.providers.ProvidersProperties;
import io.nanoclaw.admin.change.EditRefusedException;
import io.nanoclaw.admin.web.InvalidInputException;

/** Pages to create a group, and to rename or delete one. */
@Controller
class GroupLifecycleController {

    private final GroupLifecycleService lifecycle;
    private final GroupService groups;
    private final ProvidersProperties providers;

    GroupLifecycleController(GroupLifecycleService lifecycle, GroupService groups, ProvidersProperties providers) {
        this.lifecycle = lifecycle;
        this.groups = groups;
        this.providers = providers;
    }

    @GetMapping("/groups/new")
    String newGroup(@RequestParam(required = false) String folder, Model model) {
        model.addAttribute("providers", KnownProviders.configured(providers.known()).runner());
        if (folder != null && !folder.isBlank()) {
            // "Adopt as a group…" of an orphan folder: the folder is kept as it is, its name is a start for the group's.
            model.addAttribute("folder", folder);
            model.addAttribute("name", folder);
        }
        return "groups/new-group";
    }

    @PostMapping("/groups")
    String create(@RequestParam String name, @RequestParam String folder,
            @RequestParam(required = false) String agentProvider, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        try {
            var result = lifecycle.create(name, folder, agentProvider, reason);
            redirect.addFlashAttribute("notice", result.created() ? result.summary()
                    : "That folder already belongs to this group: nothing was created.");
            return "redirect:/groups/" + result.groupId();
        } catch (InvalidInputException | EditRefusedException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("field", e instanceof InvalidInputException invalid ? invalid.name() : null);
            model.addAttribute("name", name);
            model.addAttribute("folder", folder);
            model.addAttribute("providers", KnownProviders.configured(providers.known()).runner());
            return "groups/new-group";
        }
    }

    @GetMapping("/groups/{id}/manage")
    String manage(@PathVariable String id, Model model) {
        model.addAttribute("group", groups.get(id));
        return "groups/manage-group";
    }

    @PostMapping("/groups/{id}/rename")
    String rename(@PathVariable String id, @RequestParam String name, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        try {
            lifecycle.rename(id, name, false, reason);
            redirect.addFlashAttribute("notice", "Renamed to " + name.strip()
                    + "; container.json's groupName and assistantName follow.");
            return "redirect:/groups/" + id;
        } catch (RuntimeException e) {
            return manageWithError(id, e, model);
        }
    }

    @PostMapping("/groups/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("notice", lifecycle.delete(id, force, reason).summary());
            return "redirect:/groups";
        } catch (RuntimeException e) {
            return manageWithError(id, e, model);
        }
    }

    private String manageWithError(String id, RuntimeException e, Model model) {
        if (!(e instanceof InvalidInputException || e instanceof EditRefusedException
                || e instanceof io.nanoclaw.admin.change.ConflictException
                || e instanceof io.nanoclaw.admin.containerconfig.StaleVersionException)) {
            throw e;
        }
        model.addAttribute("group", groups.get(id));
        model.addAttribute("error", e.getMessage());
        return "groups/manage-group";
    }
}
