"""`/v1/knowledge-base`: problem / solution articles with categories and tags; `?q=` searches the
words of title, problem, solution, category and tags (every word must match). Link an article to a
work order with `POST /v1/work-orders/{id}/link-article`. `knowledge_base:view` reads,
`knowledge_base:create` adds, `knowledge_base:edit` changes."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.service_desk import (
    Article,
    StrictModel,
    add_create,
    add_get,
    add_list,
    add_patch,
    body_values,
    page_model,
    proto,
)

VIEW, CREATE, EDIT = "knowledge_base:view", "knowledge_base:create", "knowledge_base:edit"
STATUSES = Literal["draft", "published", "archived"]

router = APIRouter(prefix="/v1/knowledge-base", tags=["knowledge base"])


class ArticlePatch(StrictModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    category: str | None = Field(default=None, min_length=1, max_length=64)
    problem: str | None = Field(default=None, min_length=1, max_length=8000)
    solution: str | None = Field(default=None, min_length=1, max_length=16000)
    tags: list[str] | None = Field(default=None, max_length=30)
    status: STATUSES | None = None


class ArticleCreate(StrictModel):
    title: str = Field(min_length=1, max_length=200)
    category: str = Field(min_length=1, max_length=64)
    problem: str = Field(min_length=1, max_length=8000)
    solution: str = Field(min_length=1, max_length=16000)
    tags: list[str] | None = Field(default=None, max_length=30)
    status: STATUSES | None = Field(default=None, description="Default: published")


class ArticleQuery(ListQuery):
    q: str | None = Field(
        default=None,
        pattern=r"^[\w][\w \-]{0,199}$",
        description="Words to search for (letters, digits, spaces, hyphens; all words must match)",
    )
    category: str | None = Field(default=None, pattern=r"^[\w][\w \-]{0,63}$")
    status: STATUSES | None = None


add_list(
    router,
    permission=VIEW,
    rpc="ListArticles",
    request_type=pb.ListArticlesRequest,
    items_field="articles",
    page_model=page_model(Article, "KnowledgeArticlePage"),
    query_model=ArticleQuery,
    summary="Search / list knowledge-base articles (most recently updated first)",
    terms=lambda q: {"category": q.category, "status": q.status},
    extra=lambda q: {"query": q.q or ""},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateArticle",
    body_model=ArticleCreate,
    build=lambda b: pb.CreateArticleRequest(article=proto(pb.Article, body_values(b))),
    reply_field="article",
    model=Article,
    summary="Add an article",
    location="/v1/knowledge-base",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetArticle",
    request_type=pb.GetArticleRequest,
    reply_field="article",
    model=Article,
    summary="Get one article",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateArticle",
    request_type=pb.UpdateArticleRequest,
    body_model=ArticlePatch,
    reply_field="article",
    model=Article,
    summary="Change an article (If-Match required)",
)
