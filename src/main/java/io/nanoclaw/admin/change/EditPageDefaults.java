package io.nanoclaw.admin.change;

import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the editing pages expect to find even when nothing went wrong. */
@ControllerAdvice(assignableTypes = ChangePage.class)
public class EditPageDefaults {

    @ModelAttribute
    public void defaults(Model model) {
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("errors", List.of());
    }
}
