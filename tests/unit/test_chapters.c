/* chapters: the list (trimmed titles, a heading at the same time as the
 * previous chapter replaces it) and its Podcasting 2.0 JSON, escaped. */
#include "../check.h"
#include "export/chapters.h"

#include <stdlib.h>

static char *json(const narr_chapters *c)
{
    narr_buf b;
    narr_buf_init(&b);
    CHECK(narr_chapters_json(c, &b) == NARR_OK);
    char *s = strdup(narr_buf_str(&b));
    narr_buf_deinit(&b);
    return s;
}

#define ADD(c, t, title) narr_chapters_add(c, t, title, strlen(title))

int main(void)
{
    narr_chapters *c = narr_chapters_new();
    char *s = json(c);
    CHECK_STR_EQ(s, "{\n  \"version\": \"1.2.0\",\n  \"chapters\": []\n}\n");
    free(s);

    CHECK(ADD(c, 0, "  Grève du 7 mars :\n les \"syndicats\" unis ") == NARR_OK);
    CHECK(ADD(c, 12.5, "Ce que dit le gouvernement") == NARR_OK);
    CHECK(ADD(c, 12.5, "Ce que dit l'exécutif") == NARR_OK); /* replaces */
    CHECK(ADD(c, 20, "   ") == NARR_OK);                     /* ignored */
    CHECK(ADD(c, 73.25, "Chemin C:\\temp\x01") == NARR_OK);
    CHECK(ADD(c, 3600.0004, "Et après ?") == NARR_OK);
    CHECK_INT_EQ(narr_chapters_count(c), 4);
    CHECK_STR_EQ(narr_chapters_title(c, 0), "Grève du 7 mars : les \"syndicats\" unis");
    CHECK(narr_chapters_start(c, 1) == 12.5);
    s = json(c);
    CHECK_STR_EQ(s, "{\n  \"version\": \"1.2.0\",\n  \"chapters\": [\n"
                    "    {\"startTime\": 0, \"title\": \"Grève du 7 mars : les \\\"syndicats\\\" unis\"},\n"
                    "    {\"startTime\": 12.5, \"title\": \"Ce que dit l'exécutif\"},\n"
                    "    {\"startTime\": 73.25, \"title\": \"Chemin C:\\\\temp\\u0001\"},\n"
                    "    {\"startTime\": 3600, \"title\": \"Et après ?\"}\n"
                    "  ]\n}\n");
    free(s);
    narr_chapters_free(c);
    narr_chapters_free(NULL);
    return CHECK_DONE();
}
