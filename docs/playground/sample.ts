/*
 * An illustrative response for the playground: items shaped like those of
 * backlinks/referring_domains (made up, not real data). The filter bar runs its filter over them
 * on Enter, and offers their values as completions (the `values` hook of dfsq/codemirror).
 */
export const SAMPLE_ENDPOINT = "backlinks/referring_domains";

export const SAMPLE_ITEMS: readonly Record<string, unknown>[] = [
  {
    "type": "backlinks_referring_domain",
    "domain": "github.com",
    "rank": 912,
    "backlinks": 1184,
    "first_seen": "2019-06-12 14:05:31 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 0,
    "broken_backlinks": 12,
    "broken_pages": 5,
    "referring_domains": 19,
    "referring_domains_nofollow": 4,
    "referring_main_domains": 18,
    "referring_pages": 1006,
    "referring_links_tld": {
      "com": 1184
    },
    "referring_links_types": {
      "anchor": 1125,
      "redirect": 59
    },
    "referring_links_platform_types": {
      "cms": 1184
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "medium.com",
    "rank": 688,
    "backlinks": 240,
    "first_seen": "2020-02-03 08:44:10 +00:00",
    "lost_date": "2024-05-21 09:12:00 +00:00",
    "backlinks_spam_score": 2,
    "broken_backlinks": 3,
    "broken_pages": 2,
    "referring_domains": 8,
    "referring_domains_nofollow": 8,
    "referring_main_domains": 7,
    "referring_pages": 204,
    "referring_links_tld": {
      "com": 240
    },
    "referring_links_types": {
      "anchor": 228,
      "redirect": 12
    },
    "referring_links_platform_types": {
      "wikis": 240
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "seo-tools.example",
    "rank": 201,
    "backlinks": 104,
    "first_seen": "2023-11-30 22:01:59 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 14,
    "broken_backlinks": 1,
    "broken_pages": 0,
    "referring_domains": 3,
    "referring_domains_nofollow": 1,
    "referring_main_domains": 2,
    "referring_pages": 88,
    "referring_links_tld": {
      "example": 104
    },
    "referring_links_types": {
      "anchor": 99,
      "redirect": 5
    },
    "referring_links_platform_types": {
      "message-boards": 104
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "wikipedia.org",
    "rank": 951,
    "backlinks": 77,
    "first_seen": "2018-03-20 10:00:00 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 0,
    "broken_backlinks": 7,
    "broken_pages": 0,
    "referring_domains": 1,
    "referring_domains_nofollow": 0,
    "referring_main_domains": 1,
    "referring_pages": 65,
    "referring_links_tld": {
      "org": 77
    },
    "referring_links_types": {
      "anchor": 74,
      "redirect": 3
    },
    "referring_links_platform_types": {
      "wikis": 77
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "reddit.com",
    "rank": 802,
    "backlinks": 530,
    "first_seen": "2019-09-01 07:30:00 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 1,
    "broken_backlinks": 26,
    "broken_pages": 4,
    "referring_domains": 7,
    "referring_domains_nofollow": 0,
    "referring_main_domains": 6,
    "referring_pages": 450,
    "referring_links_tld": {
      "com": 530
    },
    "referring_links_types": {
      "anchor": 504,
      "redirect": 26
    },
    "referring_links_platform_types": {
      "cms": 530
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "seo-blog.net",
    "rank": 312,
    "backlinks": 88,
    "first_seen": "2022-04-18 16:20:05 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 22,
    "broken_backlinks": 18,
    "broken_pages": 4,
    "referring_domains": 1,
    "referring_domains_nofollow": 0,
    "referring_main_domains": 1,
    "referring_pages": 74,
    "referring_links_tld": {
      "net": 88
    },
    "referring_links_types": {
      "anchor": 84,
      "redirect": 4
    },
    "referring_links_platform_types": {
      "message-boards": 88
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "stackoverflow.com",
    "rank": 770,
    "backlinks": 61,
    "first_seen": "2020-11-11 11:11:11 +00:00",
    "lost_date": "2024-02-02 00:00:00 +00:00",
    "backlinks_spam_score": 0,
    "broken_backlinks": 1,
    "broken_pages": 4,
    "referring_domains": 2,
    "referring_domains_nofollow": 0,
    "referring_main_domains": 1,
    "referring_pages": 51,
    "referring_links_tld": {
      "com": 61
    },
    "referring_links_types": {
      "anchor": 58,
      "redirect": 3
    },
    "referring_links_platform_types": {
      "organization": 61
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "backlink-checker.io",
    "rank": 156,
    "backlinks": 402,
    "first_seen": "2024-01-09 09:45:00 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 41,
    "broken_backlinks": 13,
    "broken_pages": 1,
    "referring_domains": 10,
    "referring_domains_nofollow": 4,
    "referring_main_domains": 9,
    "referring_pages": 341,
    "referring_links_tld": {
      "io": 402
    },
    "referring_links_types": {
      "anchor": 382,
      "redirect": 20
    },
    "referring_links_platform_types": {
      "wikis": 402
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "news.ycombinator.com",
    "rank": 744,
    "backlinks": 18,
    "first_seen": "2021-07-14 19:02:44 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 0,
    "broken_backlinks": 17,
    "broken_pages": 5,
    "referring_domains": 1,
    "referring_domains_nofollow": 1,
    "referring_main_domains": 1,
    "referring_pages": 15,
    "referring_links_tld": {
      "com": 18
    },
    "referring_links_types": {
      "anchor": 18
    },
    "referring_links_platform_types": {
      "blogs": 18
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "marketing-weekly.de",
    "rank": 268,
    "backlinks": 35,
    "first_seen": "2023-03-03 03:03:03 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 9,
    "broken_backlinks": 11,
    "broken_pages": 0,
    "referring_domains": 1,
    "referring_domains_nofollow": 0,
    "referring_main_domains": 1,
    "referring_pages": 29,
    "referring_links_tld": {
      "de": 35
    },
    "referring_links_types": {
      "anchor": 35
    },
    "referring_links_platform_types": {
      "wikis": 35
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "seo.example.org",
    "rank": 97,
    "backlinks": 12,
    "first_seen": "2024-04-30 12:00:00 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 63,
    "broken_backlinks": 18,
    "broken_pages": 0,
    "referring_domains": 1,
    "referring_domains_nofollow": 0,
    "referring_main_domains": 1,
    "referring_pages": 10,
    "referring_links_tld": {
      "org": 12
    },
    "referring_links_types": {
      "anchor": 12
    },
    "referring_links_platform_types": {
      "wikis": 12
    }
  },
  {
    "type": "backlinks_referring_domain",
    "domain": "digital-news.co.uk",
    "rank": 410,
    "backlinks": 149,
    "first_seen": "2021-01-25 08:15:00 +00:00",
    "lost_date": null,
    "backlinks_spam_score": 5,
    "broken_backlinks": 21,
    "broken_pages": 4,
    "referring_domains": 3,
    "referring_domains_nofollow": 3,
    "referring_main_domains": 2,
    "referring_pages": 126,
    "referring_links_tld": {
      "uk": 149
    },
    "referring_links_types": {
      "anchor": 142,
      "redirect": 7
    },
    "referring_links_platform_types": {
      "message-boards": 149
    }
  }
];
