"""Removing everything Checkje kept on this phone, with or without JavaScript."""

from tests.helpers import parse


def test_wipe_asks_the_browser_to_clear_this_site_and_keeps_nothing(client):
    response = client.post("/nl/veiligheid/wissen")
    assert response.status_code == 200
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert response.headers["Cache-Control"] == "no-store"
    status = parse(response).select_one("[data-wipe-status]")
    assert status.get_text(strip=True) == status["data-wiped"]


def test_another_site_cannot_wipe_a_phone(client):
    response = client.post("/nl/veiligheid/wissen", headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert "Clear-Site-Data" not in response.headers
