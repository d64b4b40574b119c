package id.sinergi.cases.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An Indonesian mission abroad (perwakilan RI) that handles citizens' cases.
 *
 * @param id the mission code, e.g. {@code KJRI-HONGKONG}; the first part of a case reference
 * @param type KBRI, KJRI, KRI, PTRI or KDEI with its Indonesian term and English gloss
 * @param nameId the mission's name in Indonesian, e.g. {@code KJRI Hong Kong}
 * @param nameAlt another spelling seen in official lists, if any
 * @param countryIso2 ISO 3166-1 alpha-2 of the host country
 * @param locatedInIso2 where the office physically is, when not in the host country
 * @param consularDistrictId the accreditation or consular district as Kemlu words it, in Indonesian
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Mission")
public record Mission(
        String id,
        Term type,
        String nameId,
        String nameAlt,
        String city,
        String countryIso2,
        String countryNameEn,
        String locatedInIso2,
        String consularDistrictId,
        String address,
        String website,
        String note) {}
