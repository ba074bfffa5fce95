// Generated from docs/openapi.json by Tests/Server/sync_openapi.py: edit the JSON, not this file.

/// The API's OpenAPI 3.1 description, served at `/api/openapi.json`: the bytes of
/// `docs/openapi.json`, which is checked against the running server by schemathesis.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "FactDesk web desk API",
        "version": "1",
        "description": "The JSON API of `factdesk serve`, under `/api/v1`: the same library calls as the `factdesk` commands, on the same desk. Every route needs a signed-in editor: send `Authorization: Bearer TOKEN` with a token printed by `factdesk editor add \"Name <email>\"` (a browser session works too, with its CSRF token on changes). Every change is one commit authored by that editor.\n\nJSON in and out (UTF-8). Claims answer with exactly the keys of `factdesk show --json`, the report with those of `factdesk report --format json`; a key whose value is absent is written as `null`, never left out (the re-anchoring summary's `similarity` and `after` excepted). Timestamps are ISO 8601 UTC strings such as `2026-11-25T14:03:00Z`.\n\nOffsets (`start`, `end`) are Unicode scalar offsets (code points, not UTF-16 units or bytes) of the article's stored text, which is NFC-normalized with LF line endings; `start` is inclusive, `end` exclusive.\n\nErrors are `{\"error\": \"...\"}` with the status saying what went wrong: 400 malformed request, 401 not signed in, 403 refused by policy, 404 no such article or claim, 409 clash with the desk, 413 body too large, 422 values that cannot be used. A method a route does not serve is answered with 405 and an `Allow` header."
      },
      "tags": [
        {
          "name": "articles",
          "description": "Articles and their text revisions."
        },
        {
          "name": "claims",
          "description": "Claims: filing, checking, reviewing."
        },
        {
          "name": "report",
          "description": "The verification report."
        },
        {
          "name": "meta",
          "description": "This document."
        }
      ],
      "paths": {
        "/api/v1/articles": {
          "get": {
            "operationId": "listArticles",
            "summary": "List articles",
            "tags": [
              "articles"
            ],
            "description": "Every article with its claim counts, sorted by id.",
            "responses": {
              "200": {
                "description": "The articles.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ArticleSummary"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          },
          "post": {
            "operationId": "createArticle",
            "summary": "Add an article",
            "tags": [
              "articles"
            ],
            "description": "Adds an article and its first revision, in one commit authored by the signed-in editor.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NewArticle"
                  },
                  "examples": {
                    "article": {
                      "summary": "An article",
                      "value": {
                        "id": "council-budget-2026",
                        "title": "Council passes record budget",
                        "url": "https://news.example/budget",
                        "text": "The council approved a budget of €4.2 million on Tuesday.\n\nCritics said the figure was misleading.\n"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The article added.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Article"
                    }
                  }
                },
                "links": {
                  "GetArticle": {
                    "operationId": "getArticle",
                    "parameters": {
                      "slug": "$response.body#/id"
                    }
                  },
                  "CreateClaim": {
                    "operationId": "createClaim",
                    "parameters": {
                      "slug": "$response.body#/id"
                    }
                  },
                  "UpdateText": {
                    "operationId": "updateArticleText",
                    "parameters": {
                      "slug": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/articles/{slug}": {
          "get": {
            "operationId": "getArticle",
            "summary": "Read an article",
            "tags": [
              "articles"
            ],
            "description": "The article, its text, its paragraphs and its claims.",
            "parameters": [
              {
                "$ref": "#/components/parameters/Slug"
              }
            ],
            "responses": {
              "200": {
                "description": "The article.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Article"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/articles/{slug}/text": {
          "put": {
            "operationId": "updateArticleText",
            "summary": "Post a new revision of the text",
            "tags": [
              "articles"
            ],
            "description": "Stores the new text and re-anchors every claim in one commit: claims found again exactly or elsewhere move, claims whose words changed or that are lost are flagged (`anchorIssue`), never dropped.",
            "parameters": [
              {
                "$ref": "#/components/parameters/Slug"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NewText"
                  },
                  "examples": {
                    "revision": {
                      "summary": "A new revision",
                      "value": {
                        "text": "The council approved a budget of €4.2 million on Tuesday, officials said.\n\nCritics said the figure was misleading.\n"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The re-anchoring summary.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ArticleUpdate"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/articles/{slug}/claims": {
          "post": {
            "operationId": "createClaim",
            "summary": "File a claim",
            "tags": [
              "claims"
            ],
            "description": "Files a claim on a span of the article, status `unverified`. Give exactly one of `quote` (with `occurrence` when it occurs more than once), `start` and `end`, or `paragraph`: a body breaking that rule is well formed but answered with 422, as is a span outside the text or cutting a character in two. Offsets are Unicode scalar offsets of the stored NFC text.",
            "parameters": [
              {
                "$ref": "#/components/parameters/Slug"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NewClaim"
                  },
                  "examples": {
                    "quote": {
                      "summary": "By quote, with a source, an assignee and a deadline",
                      "value": {
                        "claim": "The budget is €4.2 million",
                        "quote": "€4.2 million",
                        "sources": [
                          "https://council.example/budget.pdf"
                        ],
                        "assignee": "Ana Ruiz <ana@example.org>",
                        "due": "2026-12-01",
                        "claimant": "Zoë Laurent",
                        "claimantKind": "person"
                      }
                    },
                    "span": {
                      "summary": "By span (Unicode scalar offsets, end exclusive)",
                      "value": {
                        "claim": "The council acted",
                        "start": 0,
                        "end": 20
                      }
                    },
                    "paragraph": {
                      "summary": "A whole paragraph",
                      "value": {
                        "claim": "Critics called it misleading",
                        "paragraph": 1,
                        "note": "Ask the critics who they are."
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The claim filed.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  },
                  "SetStatus": {
                    "operationId": "setClaimStatus",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  },
                  "AddSource": {
                    "operationId": "addClaimSource",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  },
                  "AddNote": {
                    "operationId": "addClaimNote",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims": {
          "get": {
            "operationId": "listClaims",
            "summary": "List claims",
            "tags": [
              "claims"
            ],
            "description": "Claims of the desk or of one article, in article and text order; every filter given must hold.",
            "parameters": [
              {
                "name": "article",
                "in": "query",
                "required": false,
                "description": "Only this article's claims.",
                "schema": {
                  "type": "string",
                  "description": "An article id: 1-100 lowercase ASCII letters, digits and inner hyphens (no leading or trailing hyphen), not one of the reserved names (con, prn, aux, nul, claims, articles, com1-com9, lpt1-lpt9). The server answers an id breaking these rules with 422.",
                  "minLength": 1,
                  "maxLength": 100,
                  "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                  "not": {
                    "enum": [
                      "con",
                      "prn",
                      "aux",
                      "nul",
                      "claims",
                      "articles",
                      "com1",
                      "com2",
                      "com3",
                      "com4",
                      "com5",
                      "com6",
                      "com7",
                      "com8",
                      "com9",
                      "lpt1",
                      "lpt2",
                      "lpt3",
                      "lpt4",
                      "lpt5",
                      "lpt6",
                      "lpt7",
                      "lpt8",
                      "lpt9"
                    ]
                  },
                  "examples": [
                    "budget-vote-2026"
                  ]
                }
              },
              {
                "name": "status",
                "in": "query",
                "required": false,
                "description": "Only claims of this status (the name is matched case-insensitively).",
                "schema": {
                  "$ref": "#/components/schemas/ClaimStatus"
                }
              },
              {
                "name": "assignee",
                "in": "query",
                "required": false,
                "description": "Only claims assigned to this person: `Name <email>`, a name, an email, or `me` for the signed-in editor.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "overdue",
                "in": "query",
                "required": false,
                "description": "`true`: only open claims past their deadline. Only `true` and `false` are accepted (400 otherwise).",
                "schema": {
                  "type": "boolean"
                }
              },
              {
                "name": "needsReview",
                "in": "query",
                "required": false,
                "description": "`true`: only claims that need a person's review: a verdict awaiting a second editor, or a merge conflict from sync. Only `true` and `false` are accepted (400 otherwise).",
                "schema": {
                  "type": "boolean"
                }
              },
              {
                "name": "conflicted",
                "in": "query",
                "required": false,
                "description": "`true`: only claims holding a merge conflict from sync (settle it with POST /api/v1/claims/{id}/conflicts). Only `true` and `false` are accepted (400 otherwise).",
                "schema": {
                  "type": "boolean"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The claims.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Claim"
                      }
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}": {
          "get": {
            "operationId": "getClaim",
            "summary": "Read a claim",
            "tags": [
              "claims"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "responses": {
              "200": {
                "description": "The claim.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/history": {
          "get": {
            "operationId": "getClaimHistory",
            "summary": "A claim's history",
            "tags": [
              "claims"
            ],
            "description": "Every commit that changed the claim, newest first: who, when, what, and its status after.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "responses": {
              "200": {
                "description": "The commits.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/HistoryEntry"
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/status": {
          "post": {
            "operationId": "setClaimStatus",
            "summary": "Change a claim's status",
            "tags": [
              "claims"
            ],
            "description": "Sets the status (adding `sources` first); `verified` goes through the same rules as `factdesk verify`.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/StatusChange"
                  },
                  "examples": {
                    "verify": {
                      "summary": "Verified, with its source",
                      "value": {
                        "status": "verified",
                        "sources": [
                          "https://council.example/budget.pdf"
                        ],
                        "note": "Matches the published budget."
                      }
                    },
                    "review": {
                      "summary": "Being checked",
                      "value": {
                        "status": "in-review"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/sources": {
          "post": {
            "operationId": "addClaimSource",
            "summary": "Cite a source",
            "tags": [
              "claims"
            ],
            "description": "A source already cited is refused with 422.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NewSource"
                  },
                  "examples": {
                    "source": {
                      "summary": "A source",
                      "value": {
                        "url": "https://council.example/minutes",
                        "title": "Council minutes",
                        "note": "Page 4."
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/notes": {
          "post": {
            "operationId": "addClaimNote",
            "summary": "Leave a note",
            "tags": [
              "claims"
            ],
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NewNote"
                  },
                  "examples": {
                    "note": {
                      "summary": "A note",
                      "value": {
                        "note": "Called the press office; waiting for an answer."
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/assignee": {
          "post": {
            "operationId": "assignClaim",
            "summary": "Assign a claim",
            "tags": [
              "claims"
            ],
            "description": "Assigns the claim (and sets its deadline when `due` is given).",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Assignment"
                  },
                  "examples": {
                    "assign": {
                      "summary": "Assign with a deadline",
                      "value": {
                        "assignee": "Ana Ruiz <ana@example.org>",
                        "due": "2026-12-01"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          },
          "delete": {
            "operationId": "unassignClaim",
            "summary": "Unassign a claim",
            "tags": [
              "claims"
            ],
            "description": "Takes the claim's assignee away (its deadline stays); 422 when it is not assigned.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "responses": {
              "200": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/review": {
          "post": {
            "operationId": "reviewClaim",
            "summary": "Review a proposed verdict",
            "tags": [
              "claims"
            ],
            "description": "Under the second-editor policy, another editor approves or rejects the verdict proposed on the claim.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ReviewDecision"
                  },
                  "examples": {
                    "approve": {
                      "summary": "Approve",
                      "value": {
                        "decision": "approve"
                      }
                    },
                    "reject": {
                      "summary": "Send back",
                      "value": {
                        "decision": "reject",
                        "note": "The source does not say that."
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/attribution": {
          "post": {
            "operationId": "attributeClaim",
            "summary": "Record who made the statement",
            "tags": [
              "claims"
            ],
            "description": "Who made the statement, when and where, published with the verdict as ClaimReview.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Attribution"
                  },
                  "examples": {
                    "attribution": {
                      "summary": "Who, when, where",
                      "value": {
                        "claimant": "Zoë Laurent",
                        "claimantKind": "person",
                        "claimDate": "2026-11-24",
                        "appearances": [
                          "https://news.example/budget"
                        ]
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/claims/{id}/anchor": {
          "post": {
            "operationId": "reanchorClaim",
            "summary": "Re-attach a claim",
            "tags": [
              "claims"
            ],
            "description": "Re-attaches the claim to the current text (by quote, span or paragraph) and clears its `anchorIssue`.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Anchor"
                  },
                  "examples": {
                    "quote": {
                      "summary": "Re-attach by quote",
                      "value": {
                        "quote": "€4.2 million"
                      }
                    },
                    "span": {
                      "summary": "Re-attach by span",
                      "value": {
                        "start": 0,
                        "end": 20
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/report": {
          "get": {
            "operationId": "getReport",
            "summary": "The verification report",
            "tags": [
              "report"
            ],
            "description": "The same report as `factdesk report --format json`: totals, owners' open work and, per article, flagged, open and settled claims.",
            "parameters": [
              {
                "name": "article",
                "in": "query",
                "required": false,
                "description": "Only these articles (repeat the parameter: `?article=a&article=b`); all when absent.",
                "style": "form",
                "explode": true,
                "schema": {
                  "type": "array",
                  "items": {
                    "type": "string",
                    "description": "An article id: 1-100 lowercase ASCII letters, digits and inner hyphens (no leading or trailing hyphen), not one of the reserved names (con, prn, aux, nul, claims, articles, com1-com9, lpt1-lpt9). The server answers an id breaking these rules with 422.",
                    "minLength": 1,
                    "maxLength": 100,
                    "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
                    "not": {
                      "enum": [
                        "con",
                        "prn",
                        "aux",
                        "nul",
                        "claims",
                        "articles",
                        "com1",
                        "com2",
                        "com3",
                        "com4",
                        "com5",
                        "com6",
                        "com7",
                        "com8",
                        "com9",
                        "lpt1",
                        "lpt2",
                        "lpt3",
                        "lpt4",
                        "lpt5",
                        "lpt6",
                        "lpt7",
                        "lpt8",
                        "lpt9"
                      ]
                    },
                    "examples": [
                      "budget-vote-2026"
                    ]
                  }
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The report.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Report"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/openapi.json": {
          "get": {
            "operationId": "getOpenAPIDocument",
            "summary": "This document",
            "tags": [
              "meta"
            ],
            "description": "The OpenAPI document of the API, the same bytes as `docs/openapi.json` in the repository. Needs no sign-in.",
            "responses": {
              "200": {
                "description": "The document.",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "openapi",
                        "info",
                        "paths"
                      ],
                      "properties": {
                        "openapi": {
                          "type": "string",
                          "const": "3.1.0"
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              }
            },
            "security": []
          }
        },
        "/api/v1/claims/{id}/conflicts": {
          "post": {
            "operationId": "resolveConflict",
            "summary": "Settle a merge conflict",
            "tags": [
              "claims"
            ],
            "description": "Sync set a value aside where two desks changed the same field of the claim differently. Keep the current value, or take the set-aside one (a status taken goes through the desk's policy). `field` may be left out when the claim has one conflict.",
            "parameters": [
              {
                "$ref": "#/components/parameters/ClaimRef"
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ConflictChoice"
                  },
                  "examples": {
                    "keep": {
                      "summary": "Keep the current status",
                      "value": {
                        "field": "status",
                        "choice": "keep"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The claim as it is now.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Claim"
                    }
                  }
                },
                "links": {
                  "GetClaim": {
                    "operationId": "getClaim",
                    "parameters": {
                      "id": "$response.body#/id"
                    },
                    "description": "The claim answered can be read back by its id."
                  },
                  "GetClaimHistory": {
                    "operationId": "getClaimHistory",
                    "parameters": {
                      "id": "$response.body#/id"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "$ref": "#/components/responses/Conflict"
              },
              "413": {
                "$ref": "#/components/responses/ContentTooLarge"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        },
        "/api/v1/articles/{slug}/suggestions": {
          "get": {
            "operationId": "getSuggestions",
            "summary": "Rank an article's sentences by check-worthiness",
            "tags": [
              "articles"
            ],
            "description": "The article's sentences, most check-worthy first (figures, comparisons and records, attributed statements of fact, what a policy caused; opinion, questions, predictions and scene-setting last), each with its span, paragraph, score, whether a claim already covers it, and the reasons that raised or lowered it: the same ranking, with the same keys, as `factdesk suggest SLUG --json`. Headlines and captions (lines without sentence-ending punctuation) are not sentences; an article without any answers an empty list. To file a suggestion, post its `start`, `end` and the `revision` to `/api/v1/articles/{slug}/claims`, with the sentence as the claim.",
            "parameters": [
              {
                "$ref": "#/components/parameters/Slug"
              },
              {
                "name": "open",
                "in": "query",
                "required": false,
                "description": "`true`: leave out the sentences a claim already covers. Only `true` and `false` are accepted (400 otherwise).",
                "schema": {
                  "type": "boolean"
                }
              },
              {
                "name": "top",
                "in": "query",
                "required": false,
                "description": "Only the first K sentences (after `open`). Ranks stay those of the whole article.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 1000000
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The ranking.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Suggestions"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "422": {
                "$ref": "#/components/responses/UnprocessableContent"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            },
            "security": [
              {
                "bearerAuth": []
              }
            ]
          }
        }
      },
      "components": {
        "schemas": {
          "Error": {
            "type": "object",
            "description": "Every error the API answers: one key, `error`.",
            "properties": {
              "error": {
                "type": "string",
                "description": "What went wrong and what to do about it, on one line: the message a `factdesk` command would print."
              }
            },
            "required": [
              "error"
            ],
            "additionalProperties": false
          },
          "Slug": {
            "type": "string",
            "description": "An article id: 1-100 lowercase ASCII letters, digits and inner hyphens (no leading or trailing hyphen), not one of the reserved names (con, prn, aux, nul, claims, articles, com1-com9, lpt1-lpt9). The server answers an id breaking these rules with 422.",
            "minLength": 1,
            "maxLength": 100,
            "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
            "not": {
              "enum": [
                "con",
                "prn",
                "aux",
                "nul",
                "claims",
                "articles",
                "com1",
                "com2",
                "com3",
                "com4",
                "com5",
                "com6",
                "com7",
                "com8",
                "com9",
                "lpt1",
                "lpt2",
                "lpt3",
                "lpt4",
                "lpt5",
                "lpt6",
                "lpt7",
                "lpt8",
                "lpt9"
              ]
            },
            "examples": [
              "budget-vote-2026"
            ]
          },
          "ClaimID": {
            "type": "string",
            "description": "A claim id: `c-` and 4-32 lowercase base-32 digits (Crockford's alphabet: no i, l, o, u).",
            "pattern": "^c-[0-9a-hjkmnp-tv-z]{4,32}$",
            "examples": [
              "c-7k2q9xm4"
            ]
          },
          "ClaimStatus": {
            "type": "string",
            "enum": [
              "unverified",
              "in-review",
              "verified",
              "false",
              "misleading",
              "unverifiable"
            ],
            "description": "Where a claim stands: `unverified` and `in-review` are open; the others are verdicts."
          },
          "Verdict": {
            "type": "string",
            "enum": [
              "verified",
              "false",
              "misleading",
              "unverifiable"
            ],
            "description": "A settled status."
          },
          "Timestamp": {
            "type": "string",
            "description": "An instant, ISO 8601 in UTC to the second, as `2026-11-25T14:03:00Z`.",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
          },
          "DeskDate": {
            "type": "string",
            "description": "A deadline or the day a statement was made, as given in canonical form: a UTC day `YYYY-MM-DD` or an instant `YYYY-MM-DDTHH:MM:SSZ`.",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?$"
          },
          "Editor": {
            "type": "string",
            "description": "An editor as `Name <email>`.",
            "pattern": "^[^<>]+ <[^<>]+>$",
            "examples": [
              "Ana Ruiz <ana@example.org>"
            ]
          },
          "ByStatus": {
            "type": "object",
            "description": "Claim counts by status; every status is present.",
            "properties": {
              "unverified": {
                "type": "integer",
                "minimum": 0
              },
              "in-review": {
                "type": "integer",
                "minimum": 0
              },
              "verified": {
                "type": "integer",
                "minimum": 0
              },
              "false": {
                "type": "integer",
                "minimum": 0
              },
              "misleading": {
                "type": "integer",
                "minimum": 0
              },
              "unverifiable": {
                "type": "integer",
                "minimum": 0
              }
            },
            "required": [
              "false",
              "in-review",
              "misleading",
              "unverifiable",
              "unverified",
              "verified"
            ],
            "additionalProperties": false
          },
          "Source": {
            "type": "object",
            "description": "A source as shown to readers.",
            "properties": {
              "url": {
                "type": "string",
                "description": "Where the evidence is (http, https, ftp, mailto, tel, doi or urn)."
              },
              "title": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "What it is."
              },
              "note": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Why it matters."
              }
            },
            "required": [
              "note",
              "title",
              "url"
            ],
            "additionalProperties": false
          },
          "Note": {
            "type": "object",
            "description": "A remark left on a claim, with its author and time.",
            "properties": {
              "text": {
                "type": "string"
              },
              "by": {
                "$ref": "#/components/schemas/Editor"
              },
              "at": {
                "$ref": "#/components/schemas/Timestamp"
              }
            },
            "required": [
              "at",
              "by",
              "text"
            ],
            "additionalProperties": false
          },
          "Review": {
            "type": "object",
            "description": "A verdict under the second-editor policy: pending while `approvedBy` is null.",
            "properties": {
              "verdict": {
                "$ref": "#/components/schemas/Verdict"
              },
              "proposedBy": {
                "$ref": "#/components/schemas/Editor"
              },
              "proposedAt": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "approvedBy": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Editor"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "approvedAt": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Timestamp"
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            },
            "required": [
              "approvedAt",
              "approvedBy",
              "proposedAt",
              "proposedBy",
              "verdict"
            ],
            "additionalProperties": false
          },
          "Claim": {
            "type": "object",
            "description": "A claim: exactly the keys of `factdesk show --json`, every one always present (null when absent).",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/ClaimID"
              },
              "article": {
                "$ref": "#/components/schemas/Slug"
              },
              "claim": {
                "type": "string",
                "description": "The statement being checked, on one line."
              },
              "status": {
                "$ref": "#/components/schemas/ClaimStatus"
              },
              "quote": {
                "type": "string",
                "description": "The text of the article the claim is about (for an orphaned claim, its text in the revision it was last found in)."
              },
              "paragraph": {
                "type": "integer",
                "description": "The paragraph (from 1) holding the start of the quote.",
                "minimum": 1
              },
              "start": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, inclusive.",
                "minimum": 0
              },
              "end": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, exclusive.",
                "minimum": 0
              },
              "revision": {
                "type": "integer",
                "description": "The article revision the offsets refer to.",
                "minimum": 1
              },
              "sources": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Source"
                }
              },
              "notes": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Note"
                }
              },
              "assignee": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Who answers for the check, `Name <email>` (or a bare name from before assignments were checked)."
              },
              "due": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/DeskDate",
                    "description": "The deadline."
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "overdue": {
                "type": "boolean",
                "description": "Open and past its deadline."
              },
              "review": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Review"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "awaitingReview": {
                "type": "boolean",
                "description": "A proposed verdict awaits a second editor."
              },
              "claimant": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Who made the statement."
              },
              "claimantKind": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "person",
                  "organization",
                  null
                ],
                "description": "Whether the claimant is a person or an organization; null when there is no claimant."
              },
              "claimDate": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/DeskDate",
                    "description": "When the statement was made."
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "appearances": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Where the statement was made (http or https URLs), first appearance first."
              },
              "createdBy": {
                "$ref": "#/components/schemas/Editor"
              },
              "createdAt": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updatedBy": {
                "$ref": "#/components/schemas/Editor"
              },
              "updatedAt": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "statusChangedBy": {
                "$ref": "#/components/schemas/Editor"
              },
              "statusChangedAt": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "anchorIssue": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "changed",
                  "orphaned",
                  null
                ],
                "description": "`changed` or `orphaned` when an article revision changed or lost the claim's text; null when its anchor is sound."
              },
              "previousQuote": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The quote before the revision that changed or lost it; null when the anchor is sound."
              },
              "conflicts": {
                "type": "array",
                "description": "Values sync set aside where two desks changed the claim differently; settle them with POST /api/v1/claims/{id}/conflicts.",
                "items": {
                  "type": "object",
                  "required": [
                    "field",
                    "value",
                    "by",
                    "at"
                  ],
                  "additionalProperties": false,
                  "properties": {
                    "field": {
                      "type": "string",
                      "enum": [
                        "claim",
                        "status",
                        "assignee"
                      ]
                    },
                    "value": {
                      "type": [
                        "string",
                        "null"
                      ]
                    },
                    "by": {
                      "$ref": "#/components/schemas/Editor"
                    },
                    "at": {
                      "type": "string",
                      "format": "date-time"
                    }
                  }
                }
              },
              "needsReview": {
                "type": "boolean",
                "description": "A person must look: a verdict awaits a second editor, or a merge conflict waits."
              },
              "clock": {
                "type": "integer",
                "minimum": 0,
                "description": "The claim's logical clock: how many changes it has had; the higher clock wins a field both sides changed."
              }
            },
            "required": [
              "anchorIssue",
              "appearances",
              "article",
              "assignee",
              "awaitingReview",
              "claim",
              "claimDate",
              "claimant",
              "claimantKind",
              "clock",
              "conflicts",
              "createdAt",
              "createdBy",
              "due",
              "end",
              "id",
              "needsReview",
              "notes",
              "overdue",
              "paragraph",
              "previousQuote",
              "quote",
              "review",
              "revision",
              "sources",
              "start",
              "status",
              "statusChangedAt",
              "statusChangedBy",
              "updatedAt",
              "updatedBy"
            ],
            "additionalProperties": false
          },
          "Paragraph": {
            "type": "object",
            "description": "Where a paragraph lies in the text.",
            "properties": {
              "number": {
                "type": "integer",
                "description": "From 1.",
                "minimum": 1
              },
              "start": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, inclusive.",
                "minimum": 0
              },
              "end": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, exclusive.",
                "minimum": 0
              }
            },
            "required": [
              "end",
              "number",
              "start"
            ],
            "additionalProperties": false
          },
          "Article": {
            "type": "object",
            "description": "An article with its current text and its claims.",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/Slug"
              },
              "title": {
                "type": "string"
              },
              "url": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Where the article is published."
              },
              "revision": {
                "type": "integer",
                "description": "The revision of the text, from 1.",
                "minimum": 1
              },
              "text": {
                "type": "string",
                "description": "The stored text: UTF-8, NFC, LF line endings. Every offset in the API counts Unicode scalars of this text."
              },
              "paragraphs": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Paragraph"
                }
              },
              "claims": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Claim"
                },
                "description": "Its claims, in text order."
              },
              "createdBy": {
                "$ref": "#/components/schemas/Editor"
              },
              "createdAt": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "updatedBy": {
                "$ref": "#/components/schemas/Editor"
              },
              "updatedAt": {
                "$ref": "#/components/schemas/Timestamp"
              }
            },
            "required": [
              "claims",
              "createdAt",
              "createdBy",
              "id",
              "paragraphs",
              "revision",
              "text",
              "title",
              "updatedAt",
              "updatedBy",
              "url"
            ],
            "additionalProperties": false
          },
          "ArticleSummary": {
            "type": "object",
            "description": "An article as lists show it (`factdesk article list --json`).",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/Slug"
              },
              "title": {
                "type": "string"
              },
              "url": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "revision": {
                "type": "integer",
                "minimum": 1
              },
              "claims": {
                "type": "integer",
                "description": "How many claims.",
                "minimum": 0
              },
              "open": {
                "type": "integer",
                "description": "How many are unverified or in review.",
                "minimum": 0
              },
              "flagged": {
                "type": "integer",
                "description": "How many changed or lost their text in a revision.",
                "minimum": 0
              },
              "byStatus": {
                "$ref": "#/components/schemas/ByStatus"
              },
              "assignees": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Everyone assigned one of its open claims, sorted."
              },
              "updatedAt": {
                "$ref": "#/components/schemas/Timestamp"
              }
            },
            "required": [
              "assignees",
              "byStatus",
              "claims",
              "flagged",
              "id",
              "open",
              "revision",
              "title",
              "updatedAt",
              "url"
            ],
            "additionalProperties": false
          },
          "Place": {
            "type": "object",
            "description": "A claim's place in one revision.",
            "properties": {
              "start": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, inclusive.",
                "minimum": 0
              },
              "end": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, exclusive.",
                "minimum": 0
              },
              "paragraph": {
                "type": "integer",
                "minimum": 1
              },
              "quote": {
                "type": "string"
              }
            },
            "required": [
              "end",
              "paragraph",
              "quote",
              "start"
            ],
            "additionalProperties": false
          },
          "Reanchoring": {
            "type": "object",
            "description": "What a new revision did to one claim. `similarity` is present only for `changed`; `after` is absent for `orphaned`.",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/ClaimID"
              },
              "result": {
                "type": "string",
                "enum": [
                  "exact",
                  "moved",
                  "changed",
                  "orphaned"
                ]
              },
              "similarity": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "How similar the new text is to the old quote (changed claims only)."
              },
              "before": {
                "$ref": "#/components/schemas/Place"
              },
              "after": {
                "$ref": "#/components/schemas/Place"
              }
            },
            "required": [
              "before",
              "id",
              "result"
            ],
            "additionalProperties": false,
            "allOf": [
              {
                "if": {
                  "properties": {
                    "result": {
                      "const": "orphaned"
                    }
                  }
                },
                "then": {
                  "not": {
                    "required": [
                      "after"
                    ]
                  }
                },
                "else": {
                  "required": [
                    "after"
                  ]
                }
              },
              {
                "if": {
                  "properties": {
                    "result": {
                      "const": "changed"
                    }
                  }
                },
                "then": {
                  "required": [
                    "similarity"
                  ]
                },
                "else": {
                  "not": {
                    "required": [
                      "similarity"
                    ]
                  }
                }
              }
            ]
          },
          "ArticleUpdate": {
            "type": "object",
            "description": "The re-anchoring summary of a new revision (as `factdesk article update --json`).",
            "properties": {
              "article": {
                "$ref": "#/components/schemas/Slug"
              },
              "revision": {
                "type": "integer",
                "description": "The new revision.",
                "minimum": 2
              },
              "exact": {
                "type": "integer",
                "description": "Claims found again exactly where they were.",
                "minimum": 0
              },
              "moved": {
                "type": "integer",
                "description": "Claims found again, elsewhere.",
                "minimum": 0
              },
              "changed": {
                "type": "integer",
                "description": "Claims found by a fuzzy match: their words changed (flagged).",
                "minimum": 0
              },
              "orphaned": {
                "type": "integer",
                "description": "Claims whose text was not found (flagged).",
                "minimum": 0
              },
              "claims": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Reanchoring"
                }
              }
            },
            "required": [
              "article",
              "changed",
              "claims",
              "exact",
              "moved",
              "orphaned",
              "revision"
            ],
            "additionalProperties": false
          },
          "HistoryEntry": {
            "type": "object",
            "description": "One commit that changed a claim, newest first.",
            "properties": {
              "commit": {
                "type": "string",
                "description": "The commit id.",
                "pattern": "^[0-9a-f]{40}$"
              },
              "date": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "editor": {
                "type": "string",
                "description": "The commit author, `Name <email>`."
              },
              "message": {
                "type": "string",
                "description": "The commit's summary line."
              },
              "status": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/ClaimStatus",
                    "description": "The claim's status after the commit."
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "detail": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "What the commit did to this claim when its summary speaks of more (such as how a revision moved it)."
              }
            },
            "required": [
              "commit",
              "date",
              "detail",
              "editor",
              "message",
              "status"
            ],
            "additionalProperties": false
          },
          "ReportTotals": {
            "type": "object",
            "properties": {
              "claims": {
                "type": "integer",
                "minimum": 0
              },
              "open": {
                "type": "integer",
                "minimum": 0
              },
              "overdue": {
                "type": "integer",
                "description": "Open claims past their deadline.",
                "minimum": 0
              },
              "awaitingReview": {
                "type": "integer",
                "description": "Claims whose proposed verdict awaits a second editor.",
                "minimum": 0
              },
              "flagged": {
                "type": "integer",
                "description": "Claims whose text changed or was lost in a revision.",
                "minimum": 0
              },
              "byStatus": {
                "$ref": "#/components/schemas/ByStatus"
              },
              "conflicted": {
                "type": "integer",
                "minimum": 0,
                "description": "Claims holding a merge conflict from sync."
              }
            },
            "required": [
              "awaitingReview",
              "byStatus",
              "claims",
              "conflicted",
              "flagged",
              "open",
              "overdue"
            ],
            "additionalProperties": false
          },
          "ReportOwner": {
            "type": "object",
            "properties": {
              "owner": {
                "type": "string",
                "description": "Who answers for the claims: the assignee's name, else whoever filed them."
              },
              "open": {
                "type": "integer",
                "minimum": 0
              },
              "overdue": {
                "type": "integer",
                "minimum": 0
              }
            },
            "required": [
              "open",
              "overdue",
              "owner"
            ],
            "additionalProperties": false
          },
          "ReportOpenClaim": {
            "type": "object",
            "description": "A claim still to check.",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/ClaimID"
              },
              "claim": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "unverified",
                  "in-review"
                ]
              },
              "quote": {
                "type": "string"
              },
              "paragraph": {
                "type": "integer",
                "minimum": 1
              },
              "start": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, inclusive.",
                "minimum": 0
              },
              "end": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, exclusive.",
                "minimum": 0
              },
              "ageDays": {
                "type": "integer",
                "minimum": 0
              },
              "assignee": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "owner": {
                "type": "string"
              },
              "due": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/DeskDate"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "overdue": {
                "type": "boolean"
              },
              "proposedVerdict": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Verdict"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "proposedBy": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Editor"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "sources": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Source"
                }
              }
            },
            "required": [
              "ageDays",
              "assignee",
              "claim",
              "due",
              "end",
              "id",
              "overdue",
              "owner",
              "paragraph",
              "proposedBy",
              "proposedVerdict",
              "quote",
              "sources",
              "start",
              "status"
            ],
            "additionalProperties": false
          },
          "ReportSettledClaim": {
            "type": "object",
            "description": "A claim with a verdict.",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/ClaimID"
              },
              "claim": {
                "type": "string"
              },
              "status": {
                "$ref": "#/components/schemas/Verdict"
              },
              "quote": {
                "type": "string"
              },
              "paragraph": {
                "type": "integer",
                "minimum": 1
              },
              "decidedBy": {
                "$ref": "#/components/schemas/Editor"
              },
              "decidedAt": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "proposedBy": {
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/Editor",
                    "description": "Under the second-editor policy, who proposed the verdict (`decidedBy` approved it)."
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "sources": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Source"
                }
              }
            },
            "required": [
              "claim",
              "decidedAt",
              "decidedBy",
              "id",
              "paragraph",
              "proposedBy",
              "quote",
              "sources",
              "status"
            ],
            "additionalProperties": false
          },
          "ReportFlaggedClaim": {
            "type": "object",
            "description": "A claim whose text changed or was lost in a revision.",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/ClaimID"
              },
              "claim": {
                "type": "string"
              },
              "status": {
                "$ref": "#/components/schemas/ClaimStatus"
              },
              "anchorIssue": {
                "type": "string",
                "enum": [
                  "changed",
                  "orphaned"
                ]
              },
              "revision": {
                "type": "integer",
                "description": "The revision whose update raised the issue.",
                "minimum": 1
              },
              "previousQuote": {
                "type": "string"
              },
              "quote": {
                "type": "string",
                "description": "The quote now (changed), or the old one (orphaned)."
              },
              "paragraph": {
                "type": "integer",
                "minimum": 1
              }
            },
            "required": [
              "anchorIssue",
              "claim",
              "id",
              "paragraph",
              "previousQuote",
              "quote",
              "revision",
              "status"
            ],
            "additionalProperties": false
          },
          "ReportArticle": {
            "type": "object",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/Slug"
              },
              "title": {
                "type": "string"
              },
              "url": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "revision": {
                "type": "integer",
                "minimum": 1
              },
              "byStatus": {
                "$ref": "#/components/schemas/ByStatus"
              },
              "flagged": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ReportFlaggedClaim"
                }
              },
              "unverified": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ReportOpenClaim"
                },
                "description": "Open claims, overdue first, then oldest first."
              },
              "settled": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ReportSettledClaim"
                }
              },
              "conflicted": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ReportConflictedClaim"
                }
              }
            },
            "required": [
              "byStatus",
              "conflicted",
              "flagged",
              "id",
              "revision",
              "settled",
              "title",
              "unverified",
              "url"
            ],
            "additionalProperties": false
          },
          "Report": {
            "type": "object",
            "description": "The verification report: the keys of `factdesk report --format json`.",
            "properties": {
              "generatedAt": {
                "$ref": "#/components/schemas/Timestamp"
              },
              "totals": {
                "$ref": "#/components/schemas/ReportTotals"
              },
              "owners": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ReportOwner"
                },
                "description": "Owners of open claims, most overdue first."
              },
              "articles": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ReportArticle"
                },
                "description": "Articles with the most open claims first."
              }
            },
            "required": [
              "articles",
              "generatedAt",
              "owners",
              "totals"
            ],
            "additionalProperties": false
          },
          "NewArticle": {
            "type": "object",
            "description": "A new article.",
            "properties": {
              "id": {
                "$ref": "#/components/schemas/Slug"
              },
              "title": {
                "type": "string",
                "description": "One line.",
                "minLength": 1
              },
              "url": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Where it is published (http or https)."
              },
              "text": {
                "type": "string",
                "description": "The text; stored as UTF-8 NFC with LF line endings (control characters refused with 422).",
                "minLength": 1
              }
            },
            "required": [
              "id",
              "text",
              "title"
            ]
          },
          "NewText": {
            "type": "object",
            "description": "A new revision of an article's text; the same text as now is refused with 422.",
            "properties": {
              "text": {
                "type": "string",
                "description": "The new text of the article.",
                "minLength": 1
              }
            },
            "required": [
              "text"
            ]
          },
          "NewClaim": {
            "type": "object",
            "description": "A new claim. Give exactly one of `quote` (with `occurrence` when it occurs more than once), `start` and `end`, or `paragraph`: a body breaking that rule is well formed but answered with 422, as is a span outside the text or cutting a character in two. Offsets are Unicode scalar offsets of the stored NFC text.",
            "properties": {
              "claim": {
                "type": "string",
                "description": "The statement being checked, one line.",
                "minLength": 1
              },
              "quote": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Text of the article to find (normalized like the stored text; typographic quotes and white space fold)."
              },
              "occurrence": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "Which occurrence of `quote`, from 1, when it occurs more than once.",
                "minimum": 1,
                "maximum": 2147483647
              },
              "start": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, inclusive; with `end`.",
                "minimum": 0,
                "maximum": 2147483647
              },
              "end": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, exclusive; with `start`.",
                "minimum": 0,
                "maximum": 2147483647
              },
              "paragraph": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "A whole paragraph, from 1.",
                "minimum": 1,
                "maximum": 2147483647
              },
              "sources": {
                "type": [
                  "array",
                  "null"
                ],
                "items": {
                  "type": "string",
                  "description": "A source URL."
                }
              },
              "note": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "assignee": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "`Name <email>`, or the name of an editor the desk knows."
              },
              "due": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "A deadline: `YYYY-MM-DD`, an ISO 8601 time, `today` or `tomorrow`; empty for none."
              },
              "claimant": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Who made the statement."
              },
              "claimantKind": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "person",
                  "organization",
                  null
                ],
                "description": "`person` (the default when a claimant is given) or `organization`, matched case-insensitively."
              },
              "claimDate": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "When the statement was made: `YYYY-MM-DD`, an ISO 8601 time, `today` or `tomorrow`."
              },
              "appearances": {
                "type": [
                  "array",
                  "null"
                ],
                "items": {
                  "type": "string",
                  "description": "An http or https URL."
                }
              },
              "revision": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "description": "The article revision the offsets (or quote) were taken on; when given and the article has been revised since, the request is refused with 409, since the offsets would name other text."
              }
            },
            "required": [
              "claim"
            ]
          },
          "Anchor": {
            "type": "object",
            "description": "Where to re-attach a claim in the current text. Give exactly one of `quote` (with `occurrence` when it occurs more than once), `start` and `end`, or `paragraph`: a body breaking that rule is well formed but answered with 422, as is a span outside the text or cutting a character in two. Offsets are Unicode scalar offsets of the stored NFC text.",
            "properties": {
              "quote": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Text of the article to find (normalized like the stored text; typographic quotes and white space fold)."
              },
              "occurrence": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "Which occurrence of `quote`, from 1, when it occurs more than once.",
                "minimum": 1,
                "maximum": 2147483647
              },
              "start": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, inclusive; with `end`.",
                "minimum": 0,
                "maximum": 2147483647
              },
              "end": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, exclusive; with `start`.",
                "minimum": 0,
                "maximum": 2147483647
              },
              "paragraph": {
                "type": [
                  "integer",
                  "null"
                ],
                "description": "A whole paragraph, from 1.",
                "minimum": 1,
                "maximum": 2147483647
              },
              "revision": {
                "type": [
                  "integer",
                  "null"
                ],
                "minimum": 0,
                "description": "The article revision the offsets (or quote) were taken on; when given and the article has been revised since, the request is refused with 409, since the offsets would name other text."
              }
            },
            "required": []
          },
          "StatusChange": {
            "type": "object",
            "description": "A new status. Under the second-editor policy a verdict is only proposed (the claim goes in review); `verified` without a source is refused with 403 when the desk's policy requires one.",
            "properties": {
              "status": {
                "$ref": "#/components/schemas/ClaimStatus",
                "description": "The new status (the name is matched case-insensitively)."
              },
              "note": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "sources": {
                "type": [
                  "array",
                  "null"
                ],
                "items": {
                  "type": "string",
                  "description": "A source URL."
                },
                "description": "Sources to add first."
              }
            },
            "required": [
              "status"
            ]
          },
          "NewSource": {
            "type": "object",
            "description": "A source to cite.",
            "properties": {
              "url": {
                "type": "string",
                "description": "http, https, ftp, mailto, tel, doi or urn.",
                "minLength": 1
              },
              "title": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "note": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "required": [
              "url"
            ]
          },
          "NewNote": {
            "type": "object",
            "description": "A note.",
            "properties": {
              "note": {
                "type": "string",
                "minLength": 1
              }
            },
            "required": [
              "note"
            ]
          },
          "Assignment": {
            "type": "object",
            "description": "Who answers for the claim, and by when.",
            "properties": {
              "assignee": {
                "type": "string",
                "description": "`Name <email>`, or the name of an editor the desk knows.",
                "minLength": 1
              },
              "due": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "A deadline: `YYYY-MM-DD`, an ISO 8601 time, `today` or `tomorrow`; empty for none."
              }
            },
            "required": [
              "assignee"
            ]
          },
          "ReviewDecision": {
            "type": "object",
            "description": "A second editor settles or sends back the verdict proposed on a claim; its proposer cannot approve it (403).",
            "properties": {
              "decision": {
                "type": "string",
                "enum": [
                  "approve",
                  "reject"
                ]
              },
              "note": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Why: required (422 without it) to reject."
              }
            },
            "required": [
              "decision"
            ]
          },
          "Attribution": {
            "type": "object",
            "description": "Who made the statement, when and where: fields given replace the claim's, appearances are added. At least one of them is needed (422 otherwise).",
            "properties": {
              "claimant": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Who made the statement."
              },
              "claimantKind": {
                "type": [
                  "string",
                  "null"
                ],
                "enum": [
                  "person",
                  "organization",
                  null
                ],
                "description": "`person` (the default when a claimant is given) or `organization`, matched case-insensitively."
              },
              "claimDate": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "When the statement was made: `YYYY-MM-DD`, an ISO 8601 time, `today` or `tomorrow`."
              },
              "appearances": {
                "type": [
                  "array",
                  "null"
                ],
                "items": {
                  "type": "string",
                  "description": "An http or https URL."
                }
              }
            },
            "required": []
          },
          "ConflictChoice": {
            "type": "object",
            "required": [
              "choice"
            ],
            "additionalProperties": false,
            "properties": {
              "field": {
                "type": "string",
                "enum": [
                  "claim",
                  "status",
                  "assignee"
                ]
              },
              "choice": {
                "type": "string",
                "enum": [
                  "keep",
                  "take"
                ]
              }
            }
          },
          "ReportConflictedClaim": {
            "type": "object",
            "required": [
              "claim",
              "conflicts",
              "id",
              "paragraph",
              "status"
            ],
            "additionalProperties": false,
            "properties": {
              "claim": {
                "type": "string"
              },
              "conflicts": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "id": {
                "type": "string"
              },
              "paragraph": {
                "type": "integer",
                "minimum": 1
              },
              "status": {
                "$ref": "#/components/schemas/ClaimStatus"
              }
            }
          },
          "SuggestionReason": {
            "type": "object",
            "description": "A feature of the sentence and its learned weight: positive raises the sentence, negative lowers it.",
            "properties": {
              "name": {
                "type": "string",
                "description": "The reason, such as `number`, `comparison`, `attribution`, `named source`, `date`, `causal`, `question`, `opinion`, `first person`, `prediction`.",
                "examples": [
                  "named source"
                ]
              },
              "weight": {
                "type": "number"
              }
            },
            "required": [
              "name",
              "weight"
            ],
            "additionalProperties": false
          },
          "Suggestion": {
            "type": "object",
            "description": "One sentence of the article as the ranker sees it.",
            "properties": {
              "rank": {
                "type": "integer",
                "description": "1 for the most check-worthy sentence of the article.",
                "minimum": 1
              },
              "sentence": {
                "type": "string",
                "description": "The sentence's exact text in the stored article."
              },
              "score": {
                "type": "number",
                "description": "How check-worthy the sentence looks, from 0 to 1.",
                "minimum": 0,
                "maximum": 1
              },
              "paragraph": {
                "type": "integer",
                "description": "From 1.",
                "minimum": 1
              },
              "start": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, inclusive.",
                "minimum": 0
              },
              "end": {
                "type": "integer",
                "description": "Unicode scalar offset in the stored (NFC, LF) text of the article, exclusive.",
                "minimum": 0
              },
              "covered": {
                "type": "boolean",
                "description": "Whether a claim's anchor already overlaps the sentence."
              },
              "reasons": {
                "type": "array",
                "description": "The strongest effect first.",
                "items": {
                  "$ref": "#/components/schemas/SuggestionReason"
                }
              }
            },
            "required": [
              "covered",
              "end",
              "paragraph",
              "rank",
              "reasons",
              "score",
              "sentence",
              "start"
            ],
            "additionalProperties": false
          },
          "Suggestions": {
            "type": "object",
            "description": "An article's sentences ranked by check-worthiness.",
            "properties": {
              "article": {
                "$ref": "#/components/schemas/Slug"
              },
              "revision": {
                "type": "integer",
                "description": "The text revision the offsets are on: send it with a claim filed on a suggestion (409 if the text changed since).",
                "minimum": 1
              },
              "suggestions": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Suggestion"
                }
              }
            },
            "required": [
              "article",
              "revision",
              "suggestions"
            ],
            "additionalProperties": false
          }
        },
        "parameters": {
          "Slug": {
            "name": "slug",
            "in": "path",
            "required": true,
            "description": "The article's id.",
            "schema": {
              "type": "string",
              "description": "An article id: 1-100 lowercase ASCII letters, digits and inner hyphens (no leading or trailing hyphen), not one of the reserved names (con, prn, aux, nul, claims, articles, com1-com9, lpt1-lpt9). The server answers an id breaking these rules with 422.",
              "minLength": 1,
              "maxLength": 100,
              "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
              "not": {
                "enum": [
                  "con",
                  "prn",
                  "aux",
                  "nul",
                  "claims",
                  "articles",
                  "com1",
                  "com2",
                  "com3",
                  "com4",
                  "com5",
                  "com6",
                  "com7",
                  "com8",
                  "com9",
                  "lpt1",
                  "lpt2",
                  "lpt3",
                  "lpt4",
                  "lpt5",
                  "lpt6",
                  "lpt7",
                  "lpt8",
                  "lpt9"
                ]
              },
              "examples": [
                "budget-vote-2026"
              ]
            }
          },
          "ClaimRef": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "A claim id, or a prefix of one unique in the desk (with or without `c-`); an ambiguous prefix is answered with 409.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 34,
              "pattern": "^(c-)?[0-9a-hjkmnp-tv-z]+$",
              "examples": [
                "c-7k2q9xm4",
                "7k2q"
              ]
            }
          }
        },
        "responses": {
          "BadRequest": {
            "description": "The body is not the JSON expected (malformed, a field missing or of the wrong type), or a query parameter is malformed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "Unauthorized": {
            "description": "No editor signed in: send `Authorization: Bearer TOKEN` with a token from `factdesk editor add`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "Forbidden": {
            "description": "Refused: by the desk's policy (such as a verified claim without a source, or approving one's own verdict), or a browser change without its CSRF token and origin.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "NotFound": {
            "description": "No such article or claim.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "Conflict": {
            "description": "Clashes with the desk: the article exists, a claim id prefix or a quote is ambiguous.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "ContentTooLarge": {
            "description": "The request body is too large.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "UnprocessableContent": {
            "description": "Well formed, but the values cannot be used (an invalid id, a quote not found, a span outside the text, text a claim cannot hold...).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "Unavailable": {
            "description": "The desk is busy (another writer held its lock too long) or cannot be written; try again.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "securitySchemes": {
          "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "description": "A sign-in token from `factdesk editor add \"Name <email>\"` (kept only as a hash in the desk's git directory)."
          }
        }
      }
    }

    """#
}
