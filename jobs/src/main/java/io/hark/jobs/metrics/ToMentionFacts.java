// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.metrics;

import io.hark.jobs.Topics;
import io.hark.jobs.elasticsearch.MentionDocuments;
import io.hark.jobs.operators.ScoreSpam;
import io.hark.jobs.queries.BroadcastQueries;
import io.hark.jobs.queries.QueryUpdate;
import io.hark.queries.QueryDefinition;
import io.hark.schema.EnrichedMention;
import io.hark.schema.Mention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns an enriched mention into one {@link MentionFacts} per window key: one for each group among
 * its matched queries (so a mention matching two queries of a group counts once for the group), and
 * one for each matched query without a group. Mentions matching no query are not counted. Which
 * group a query is in follows the query topic, like the listen job's matcher.
 */
public class ToMentionFacts extends BroadcastProcessFunction<EnrichedMention, QueryUpdate, MentionFacts> {
  private final BroadcastQueries queries;
  private transient Map<String, String> groupsByQuery;

  public ToMentionFacts(Collection<QueryDefinition> initial) {
    this.queries = new BroadcastQueries(initial);
  }

  @Override
  public void processBroadcastElement(QueryUpdate update, Context ctx, Collector<MentionFacts> out) throws Exception {
    groupsByQuery = groups(queries.apply(update, ctx.getBroadcastState(BroadcastQueries.STATE),
        ctx.currentProcessingTime()).queries());
  }

  @Override
  public void processElement(EnrichedMention enriched, ReadOnlyContext ctx, Collector<MentionFacts> out)
      throws Exception {
    if (groupsByQuery == null) {
      groupsByQuery = groups(queries.inForce(ctx.getBroadcastState(BroadcastQueries.STATE)).queries());
    }
    Map<String, List<String>> queriesByWindowKey = new LinkedHashMap<>();
    for (String queryId : enriched.getMatchedQueries()) {
      String group = groupsByQuery.get(queryId);
      String key = group == null ? MentionFacts.queryKey(queryId) : MentionFacts.groupKey(group);
      queriesByWindowKey.computeIfAbsent(key, k -> new ArrayList<>()).add(queryId);
    }
    queriesByWindowKey.forEach((key, queryIds) -> {
      MentionFacts facts = facts(enriched);
      facts.windowKey = key;
      facts.group = key.startsWith("group:") ? key.substring("group:".length()) : null;
      facts.queryIds = queryIds.toArray(String[]::new);
      out.collect(facts);
    });
  }

  private static Map<String, String> groups(List<QueryDefinition> definitions) {
    Map<String, String> groups = new HashMap<>();
    definitions.stream().filter(query -> query.group() != null).forEach(query -> groups.put(query.id(), query.group()));
    return groups;
  }

  private static MentionFacts facts(EnrichedMention enriched) {
    Mention mention = enriched.getMention();
    MentionFacts facts = new MentionFacts();
    facts.createdAt = mention.getCreatedAt().toEpochMilli();
    facts.documentId = Topics.mentionKey(mention);
    facts.text = mention.getText();
    facts.url = mention.getUrl();
    facts.platform = mention.getPlatform().name();
    facts.authorKey = Topics.authorKey(mention);
    facts.authorUsername = mention.getAuthor().getUsername();
    facts.followers = mention.getAuthor().getFollowersCount() == null ? 0 : mention.getAuthor().getFollowersCount();
    facts.sentiment = enriched.getSentiment() == null ? null
        : enriched.getSentiment().getLabel().name().toLowerCase(Locale.ROOT);
    facts.engagement = MentionDocuments.total(mention.getEngagement());
    facts.hashtags = mention.getHashtags().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    facts.topics = enriched.getTopics().toArray(String[]::new);
    facts.spam = enriched.getFlags().contains(ScoreSpam.FLAG);
    return facts;
  }
}
