package org.campaignledger.query.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query parameters as strictly as command fields, each refused with a 400 problem naming it: one the endpoint does
 * not declare (a misspelt filter, {@code ?unitid=}, would otherwise answer the unfiltered list as if it applied),
 * one given twice, and numbers and booleans not written as in JSON (Spring would read {@code 0x10} as 16, {@code +5}
 * as 5, {@code yes}, {@code on} or {@code 1} as true).
 */
@Component
class StrictParameters implements HandlerInterceptor, WebMvcConfigurer {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    private final Map<HandlerMethod, Map<String, Class<?>>> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Map<String, Class<?>> known = declared.computeIfAbsent(method, StrictParameters::parametersOf);
            request.getParameterMap().forEach((name, values) -> check(name, values, known));
        }
        return true;
    }

    private static void check(String name, String[] values, Map<String, Class<?>> known) {
        Class<?> type = known.get(name);
        if (type == null) {
            throw new BadRequestException(name, "is not a parameter of this endpoint");
        }
        if (values.length > 1) {
            throw new BadRequestException(name, "is given more than once");
        }
        String value = values[0];
        boolean integer = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        if (integer && !INTEGER.matcher(value).matches()) {
            throw new BadRequestException(name, "must be a decimal integer");
        }
        if ((type == boolean.class || type == Boolean.class) && !value.equals("true") && !value.equals("false")) {
            throw new BadRequestException(name, "must be true or false");
        }
    }

    private static Map<String, Class<?>> parametersOf(HandlerMethod method) {
        Map<String, Class<?>> parameters = new HashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                parameters.put(!param.name().isEmpty() ? param.name() : parameter.getParameterName(),
                        parameter.getParameterType());
            }
        }
        return Map.copyOf(parameters);
    }
}
