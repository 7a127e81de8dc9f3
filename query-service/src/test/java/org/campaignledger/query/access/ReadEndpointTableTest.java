package org.campaignledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read table covers every query endpoint, and each of its rows is a real endpoint. */
class ReadEndpointTableTest {

    @Test
    void everyControllerMappingHasExactlyOneRowAndEveryRowAMapping() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<String> routes = new HashSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.campaignledger.query")) {
            Class<?> controller = Class.forName(bean.getBeanClassName());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping != null) {
                    String path = mapping.path().length == 0 ? "" : mapping.path()[0];
                    routes.add(mapping.method()[0].name() + " " + prefix + path);
                }
            }
        }
        Set<String> rows = Arrays.stream(ReadEndpoint.values()).map(ReadEndpoint::route).collect(Collectors.toSet());
        assertThat(rows).hasSize(ReadEndpoint.values().length);
        assertThat(rows).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void everyRowNamesAReadModelWithATableOrWithoutClassifiedFields() {
        for (ReadEndpoint endpoint : ReadEndpoint.values()) {
            assertThat(endpoint.unitRoles()).as(endpoint.route()).noneMatch(ReadRole::platform);
            assertThat(endpoint.platformRoles()).as(endpoint.route()).allMatch(ReadRole::platform);
        }
        assertThat(Arrays.stream(ReadEndpoint.values()).map(ReadEndpoint::readModel).collect(Collectors.toSet()))
                .containsAll(DataClasses.readModels());
    }
}
