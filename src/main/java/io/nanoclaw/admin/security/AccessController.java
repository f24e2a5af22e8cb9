package io.nanoclaw.admin.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.nanoclaw.admin.web.InvalidInputException;

/** The Access page (OPERATORs only): API tokens and UI accounts, with forms to issue, revoke, create and delete. */
@Controller
@RequestMapping("/access")
class AccessController {

    private static final String VIEW = "access/list";

    private final AccessService access;

    AccessController(AccessService access) {
        this.access = access;
    }

    @GetMapping
    String page(Model model) {
        return render(model);
    }

    @PostMapping("/tokens")
    String issue(@ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issued", access.issueToken(form.toRequest()));
        } catch (InvalidInputException e) {
            errors.rejectValue(e.name(), "invalid", e.getMessage());
            return render(model);
        } catch (AccessConflictException e) {
            errors.rejectValue(e.field(), "conflict", e.getMessage());
            return render(model);
        }
        return "redirect:/access";
    }

    @PostMapping("/tokens/{name}/revoke")
    String revoke(@PathVariable String name, RedirectAttributes redirect) {
        try {
            TokenSummary revoked = access.revokeToken(name);
            redirect.addFlashAttribute("notice", "Revoked API token '" + revoked.name() + "': it no longer works."
                    + (AccessService.ENV_TOKEN_NAME.equals(name)
                            ? " The next start sets it again while NANOCLAW_ADMIN_TOKEN is set: unset it to retire"
                                    + " this token for good."
                            : ""));
        } catch (TokenNotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage() + ".");
        }
        return "redirect:/access";
    }

    @PostMapping("/operators")
    String create(@ModelAttribute("operatorForm") OperatorRequest form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            OperatorSummary created = access.createOperator(form);
            redirect.addFlashAttribute("notice", "Created account '" + created.username() + "' (" + created.role()
                    + "). It can log in now with the password you chose.");
        } catch (InvalidInputException e) {
            errors.rejectValue(e.name(), "invalid", e.getMessage());
            return render(model);
        } catch (AccessConflictException e) {
            errors.rejectValue(e.field(), "conflict", e.getMessage());
            return render(model);
        }
        return "redirect:/access";
    }

    @PostMapping("/operators/{username}/delete")
    String delete(@PathVariable String username, Authentication caller, RedirectAttributes redirect) {
        try {
            access.deleteOperator(username, caller.getName());
            redirect.addFlashAttribute("notice", "Deleted account '" + username + "'; its sessions have ended."
                    + (AccessService.ADMIN_USERNAME.equals(username)
                            ? " The next start creates it again, with a new password." : ""));
        } catch (AccessConflictException | OperatorNotFoundException e) {
            redirect.addFlashAttribute("problem", e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".");
        }
        return "redirect:/access";
    }

    private String render(Model model) {
        model.addAttribute("tokens", access.tokens());
        model.addAttribute("operators", access.operators());
        model.addAttribute("envTokenName", AccessService.ENV_TOKEN_NAME);
        model.addAttribute("minPasswordLength", AccessService.MIN_PASSWORD_LENGTH);
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", TokenForm.empty());
        }
        if (!model.containsAttribute("operatorForm")) {
            model.addAttribute("operatorForm", new OperatorRequest(null, null, Role.VIEWER.name()));
        }
        return VIEW;
    }
}
