package io.nanoclaw.admin.drift;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A drift check of a group id that has no row. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownGroupException extends RuntimeException {

    public UnknownGroupException(String id) {
        super("No agent group with id '" + id + "'");
    }
}
