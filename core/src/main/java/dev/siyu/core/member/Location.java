package dev.siyu.core.member;

import java.util.Objects;

/**
 * Where a member lives, as coarse as targeting needs: a city and the region it belongs to.
 *
 * @param city e.g. 沈阳
 * @param region e.g. 东北 or a province
 */
public record Location(String city, String region) {

    /** @throws IllegalArgumentException if either part is blank */
    public Location {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(region, "region");
        if (city.isBlank() || region.isBlank()) {
            throw new IllegalArgumentException("city and region must not be blank: '" + city + "', '" + region + "'");
        }
    }
}
