package io.nanoclaw.admin.restart;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.nanoclaw.admin.web.InvalidInputException;

/** The "Restart now" form of the group page ({@code restart/fragments :: restartForm}); answers on the group page. */
@Controller
class RestartPageController {

    private final RestartService restarts;

    RestartPageController(RestartService restarts) {
        this.restarts = restarts;
    }

    @PostMapping("/groups/{id}/restart")
    String restart(@PathVariable String id, @RequestParam(required = false) String message,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            RestartResult result = restarts.restart(id, message, reason);
            redirect.addFlashAttribute("notice", result.sentence());
            redirect.addFlashAttribute("noticeDetails", details(result));
        } catch (HostNotRunningException | HostRefusedException | HostNoAnswerException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        // The template is expanded (and encoded) from the path variable.
        return "redirect:/groups/{id}";
    }

    private static List<String> details(RestartResult result) {
        List<String> details = new ArrayList<>();
        details.add("NanoClaw stops only the containers of active sessions that this host process started; a new"
                + " container reads the group's config as it is at its spawn.");
        if (result.messageSent() && result.restarted() > 0) {
            details.add("Your message is queued for each of those sessions as a chat message from \"system\"; the"
                    + " agent may act on it or answer the chat.");
        }
        return details;
    }
}
