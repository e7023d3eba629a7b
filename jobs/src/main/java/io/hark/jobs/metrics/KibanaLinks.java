// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Links into Kibana for alerts: Discover on the mentions data view (id {@code PREFIX-mentions}, as
 * Hark's saved objects define it), filtered to one query and a time range.
 *
 * @param baseUrl Kibana's address as on-call staff reach it, e.g. {@code https://kibana.example.com}
 */
public record KibanaLinks(String baseUrl, String dataViewId) implements Serializable {
  public String discover(String queryId, Instant from, Instant to) {
    String kuery = "matched_queries:\"" + queryId + "\"";
    String state = "_g=(time:(from:'" + from + "',to:'" + to + "'))"
        + "&_a=(dataSource:(dataViewId:'" + dataViewId + "',type:dataView),"
        + "query:(language:kuery,query:'" + kuery.replace("'", "!'") + "'))";
    return stripSlash(baseUrl) + "/app/discover#/?" + encode(state);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Percent-encodes what a URL fragment may not hold, keeping rison's punctuation readable. */
  private static String encode(String state) {
    StringBuilder out = new StringBuilder();
    for (char c : state.toCharArray()) {
      if (Character.isLetterOrDigit(c) || "()!:,'_-.&=*~/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
      }
    }
    return out.toString();
  }
}
