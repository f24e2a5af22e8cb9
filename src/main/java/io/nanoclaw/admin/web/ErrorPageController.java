package io.nanoclaw.admin.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Whatever reaches {@code /error} (an unknown path, a method the path does not take, a failure outside any
 * controller): a friendly page for browsers, a problem detail for everybody else.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPageController implements ErrorController {

    private final ErrorAttributes errorAttributes;

    ErrorPageController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model, jakarta.servlet.http.HttpServletResponse response) {
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        model.addAttribute("message", friendlyMessage(status));
        return "error";
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        Map<String, Object> attributes = errorAttributes.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults());
        ProblemType type = ProblemType.forStatus(status.value());
        ProblemDetail problem = type.problem(status == HttpStatus.NOT_FOUND
                ? "Nothing is at " + attributes.get("path") + "; the API is described at /v3/api-docs."
                : status.getReasonPhrase());
        problem.setStatus(status.value());
        Object path = attributes.get("path");
        if (path != null) {
            problem.setInstance(URI.create(path.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String friendlyMessage(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing here. The group or session may have been removed, or the link is wrong.";
            case FORBIDDEN -> "Your role does not allow this. Ask an operator.";
            case BAD_REQUEST -> "The request could not be understood. Check the address and try again.";
            default -> "Something went wrong on our side. The service log has the details.";
        };
    }
}
