"""The live server the browser tests drive answers pages that write and the htmx reads
around them, sent together, without a 500 (on SQLite it takes them in turn: see the
``live_server`` fixture)."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth import get_user_model
from django.test import Client


def test_goals_set_while_the_topic_page_refreshes_all_answer(live_server, kl):
    client = Client()
    client.force_login(get_user_model().objects.create_user("student"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    topic = live_server.url + "/topics/mutual-information/"
    with urllib.request.urlopen(urllib.request.Request(topic, headers={"Cookie": cookie})) as r:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.read().decode())[1]
    goals = ["mutual-information", "kl-divergence", "shannon-entropy", "cross-entropy-loss"]

    def send(i: int) -> int:
        headers = {"Cookie": cookie, "HX-Request": "true"}
        if i % 3:  # the blocks that fetch themselves again after a button
            headers["HX-Target"] = "topic-actions" if i % 2 else "topic-picture"
            request = urllib.request.Request(topic, headers=headers)
        else:
            headers.update({"Cookie": f"{cookie}; csrftoken={token}", "Referer": topic})
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
            url = f"{live_server.url}/goals/{goals[i // 3 % len(goals)]}/"
            request = urllib.request.Request(url, data=body, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(send, range(150)))
    assert statuses.count(204) == 50 and statuses.count(200) == 100, statuses
