package id.sinergi.devstack.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.OptionalDouble;

/** The service-under-test's {@code /q/metrics} in Prometheus text, and one sample's value out of it. */
public final class MetricsScrape {

    private MetricsScrape() {}

    /** The whole scrape of the service RestAssured points at. */
    public static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample of that name whose labels include these, if the scrape has one. */
    public static OptionalDouble metric(String scrape, String name, Map<String, String> labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            if (labels.entrySet().stream().allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return OptionalDouble.empty();
    }
}
