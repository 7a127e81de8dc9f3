package org.campaignledger.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The request parameter, header or path variable an MVC refusal is about, or null if it is about none. */
public final class RequestParts {
    private RequestParts() {
    }

    public static String nameOf(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return mismatch.getName();
        }
        if (e instanceof TypeMismatchException mismatch) {
            return mismatch.getPropertyName();
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName();
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return missing.getHeaderName();
        }
        if (e instanceof MissingPathVariableException missing) {
            return missing.getVariableName();
        }
        return null;
    }
}
