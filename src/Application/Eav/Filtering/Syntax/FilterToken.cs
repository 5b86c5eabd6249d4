namespace Platform.Application.Eav.Filtering.Syntax;

/// <summary>A token; <see cref="Position"/> is its UTF-16 index in the filter, <see cref="Text"/> the unescaped value.</summary>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == FilterTokenKind.Word && Text == keyword;
}
