"""The server-rendered databank search page and the counted downloads."""

import io
import zipfile

import pytest

from search.models import KitDownload, KitDownloadStats, LessonMaterial

pytestmark = pytest.mark.django_db


def test_search_page_renders_results_facets_and_highlights_without_javascript(client, databank):
    response = client.get("/databank/zoeken/", {"q": "knikkers", "theme": "constructies"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 leskist voor “knikkers”" in html
    assert "<mark>knikkers</mark>" in html
    assert 'name="theme" value="constructies" form="databank-form" data-instant checked' in html
    assert "Filters toepassen" in html  # applies filters without JavaScript
    assert "Doelgroep" in html
    assert "<script" not in html.split("<main", 1)[1]


def test_search_page_links_results_relative_with_image_and_facts(client, databank):
    kit = databank.kits["brug"]
    response = client.get("/databank/zoeken/", {"q": "bruggen"})
    html = response.content.decode()
    assert kit.get_url().startswith("/")
    assert f'<a href="{kit.get_url()}">Bruggen bouwen van papier</a>' in html
    assert 'href="http' not in html.split('class="result-list"', 1)[1].split("</ul>", 1)[0]
    assert "Doelgroep" in html and "Duur" in html


def test_a_result_says_how_often_its_kit_was_downloaded_once_it_was(client, databank):
    def card_of(title: str) -> str:
        html = client.get("/databank/zoeken/", {"q": "kompas"}).content.decode()
        return html.split(f">{title}</a>", 1)[1].split("</article>", 1)[0]

    assert "Gedownload" not in card_of("Richting vinden")  # "0 times" tells a teacher nothing

    download = databank.kits["kompas"].downloads.first()
    for _ in range(2):
        b"".join(client.get(f"/databank/download/{download.pk}/").streaming_content)

    assert "<dt>Gedownload</dt><dd>2 keer</dd>" in card_of("Richting vinden")


def test_active_filters_are_chips_that_each_remove_their_filter(client, databank):
    response = client.get("/databank/zoeken/", {"q": "knikkers", "theme": "constructies", "page": "1"})
    html = response.content.decode()
    assert 'class="chip" href="?q=knikkers"' in html
    assert "filter verwijderen" in html


def test_a_misspelt_search_shows_the_results_of_its_correction_and_says_so(client, databank):
    response = client.get("/databank/zoeken/", {"q": "bruggne"})
    html = response.content.decode()
    assert "Resultaten voor <strong>bruggen</strong>: er is niets gevonden voor “bruggne”." in html
    assert "Bruggen bouwen van papier" in html


def test_empty_search_explains_what_to_try_instead_of_a_numbered_nothing(client, databank):
    response = client.get("/databank/zoeken/", {"q": "xylofoonzzz"})
    html = response.content.decode()
    assert "Geen resultaten voor “xylofoonzzz”" in html
    assert "Probeer" in html
    assert "<ol" not in html.split("<main", 1)[1]


def test_search_page_paginates_and_keeps_the_filters(client, databank):
    response = client.get("/databank/zoeken/", {"page_size": "2", "licence": "cc-by-sa-4.0", "sort": "title"})
    html = response.content.decode()
    assert "?page_size=2&amp;licence=cc-by-sa-4.0&amp;sort=title&amp;page=2" in html


def test_search_page_with_bad_parameters_explains_and_answers_400(client, databank):
    response = client.get("/databank/zoeken/", {"page_size": "1000", "q": "brug"})
    assert response.status_code == 400
    assert "Het aantal per pagina moet tussen 1 en 100 liggen." in response.content.decode()


def test_file_download_is_an_attachment_and_counted(client, databank):
    download = databank.kits["kompas"].downloads.first()
    response = client.get(f"/databank/download/{download.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    stats = KitDownloadStats.objects.get(page=databank.kits["kompas"])
    assert (stats.file_downloads, stats.zip_downloads) == (1, 0)
    assert LessonMaterial.objects.get(page=databank.kits["kompas"]).download_count == 1
    event = KitDownload.objects.get()
    assert (event.page_id, event.kind, event.document_id) == (
        databank.kits["kompas"].pk,
        "file",
        download.document_id,
    )
    assert event.created_at is not None


def test_whole_kit_zip_contains_every_file_and_is_counted(client, databank):
    kit = databank.kits["brug"]
    response = client.get(f"/databank/kit/{kit.pk}/zip/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bruggen-bouwen-van-papier.zip"'
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert len(archive.namelist()) == 2
    assert KitDownloadStats.objects.get(page=kit).zip_downloads == 1
    assert list(KitDownload.objects.values_list("page_id", "kind", "document_id")) == [(kit.pk, "zip", None)]


@pytest.mark.parametrize("kit", ["draft", "private", "gone"])
def test_downloads_of_hidden_kits_are_not_found(client, databank, kit):
    assert client.get(f"/databank/kit/{databank.kits[kit].pk}/zip/").status_code == 404
    assert not KitDownload.objects.exists()


def test_databank_page_has_a_search_form_leading_to_the_search_page(client, databank):
    response = client.get(databank.site.databank.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/databank/zoeken/"' in html
    assert 'name="q"' in html
    assert 'href="/databank/zoeken/"' in html
    assert "Zoeken met filters" in html


def test_the_kit_page_links_to_the_counted_downloads(client, databank):
    kit = databank.kits["brug"]
    html = client.get(kit.url).content.decode()
    file_links = [f"/databank/download/{d.pk}/" for d in kit.downloads.all()]
    assert all(f'href="{link}"' in html for link in file_links)
    assert f'href="/databank/kit/{kit.pk}/zip/"' in html
    assert "Hele leskist downloaden (ZIP)" in html

    assert client.get(file_links[0]).status_code == 200
    assert client.get(f"/databank/kit/{kit.pk}/zip/").status_code == 200
    stats = KitDownloadStats.objects.get(page=kit)
    assert (stats.file_downloads, stats.zip_downloads) == (1, 1)


def test_the_api_gives_the_counted_download_urls(client, databank):
    kit = databank.kits["brug"]
    data = client.get(f"/api/v3/lessonkits/{kit.pk}/").json()
    assert data["zip_url"] == f"/databank/kit/{kit.pk}/zip/"
    assert sorted(d["download_url"] for d in data["downloads"]) == sorted(
        f"/databank/download/{d.pk}/" for d in kit.downloads.all()
    )
